using Dapper;
using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// Moves staff-in-post facts out of the views into fact_staff_in_post_retired and back. Supersession and withdrawal
/// both go through here, so a fact is never deleted while a withdrawal might need it again.
/// </summary>
internal static class RetiredFacts
{
    private const string Columns = """
        batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id,
        assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule
        """;

    /// <summary>Retires the facts of one organisation and month from every batch but <paramref name="keep"/>; returns the count.</summary>
    public static int SupersedeMonth(SqliteConnection connection, SqliteTransaction tx, long organisation, int date, long keep) =>
        Move(connection, tx, "organisation_id = @organisation AND snapshot_date_key = @date AND batch_id <> @keep", new { organisation, date, keep }, retiredBy: keep);

    /// <summary>Retires every current fact of a batch (withdrawal); returns the count.</summary>
    public static int RetireBatch(SqliteConnection connection, SqliteTransaction tx, long batch) =>
        Move(connection, tx, "batch_id = @batch", new { batch }, retiredBy: null);

    /// <summary>Makes one batch's retired facts for one organisation and month current again; returns the count.</summary>
    public static int Restore(SqliteConnection connection, SqliteTransaction tx, long organisation, int date, long batch)
    {
        const string Where = "organisation_id = @organisation AND snapshot_date_key = @date AND batch_id = @batch";
        var args = new { organisation, date, batch };
        var moved = connection.Execute($"INSERT INTO fact_staff_in_post ({Columns}) SELECT {Columns} FROM fact_staff_in_post_retired WHERE {Where}", args, tx);
        connection.Execute($"DELETE FROM fact_staff_in_post_retired WHERE {Where}", args, tx);
        return moved;
    }

    private static int Move(SqliteConnection connection, SqliteTransaction tx, string where, object args, long? retiredBy)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("retiredBy", retiredBy);
        var moved = connection.Execute(
            $"INSERT INTO fact_staff_in_post_retired (fact_id, {Columns}, retired_by_batch_id) SELECT fact_id, {Columns}, @retiredBy FROM fact_staff_in_post WHERE {where}",
            parameters,
            tx);
        connection.Execute($"DELETE FROM fact_staff_in_post WHERE {where}", parameters, tx);
        return moved;
    }
}
