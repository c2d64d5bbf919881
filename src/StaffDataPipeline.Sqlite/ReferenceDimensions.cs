using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Sqlite;

/// <summary>Keeps dim_role, dim_grade and dim_organisation in step with the reference data files.</summary>
internal static class ReferenceDimensions
{
    /// <summary>Writes only when the reference data differ from what the warehouse holds, so that start-up needs no write lock while another process loads.</summary>
    public static void Sync(SqliteConnection connection, ReferenceDataSet reference, DateOnly today)
    {
        if (InStep(connection, reference) && SuccessorsInStep(connection, reference, today) && AssumptionsInStep(connection, reference))
        {
            return;
        }

        using var tx = connection.BeginTransaction(deferred: false);
        connection.Execute(
            """
            INSERT INTO dim_role (role_code, role_name, role_family, typical_grade) VALUES (@Code, @Name, @Family, @TypicalGrade)
            ON CONFLICT (role_code) DO UPDATE SET role_name = excluded.role_name, role_family = excluded.role_family, typical_grade = excluded.typical_grade
            """,
            reference.Taxonomy.Roles,
            tx);
        connection.Execute(
            """
            INSERT INTO dim_grade (grade_code, grade_label, pay_scale, band, sort_order) VALUES (@Code, @Label, @PayScale, @Band, @SortOrder)
            ON CONFLICT (grade_code) DO UPDATE SET grade_label = excluded.grade_label, pay_scale = excluded.pay_scale, band = excluded.band, sort_order = excluded.sort_order
            """,
            reference.Grades.All,
            tx);
        connection.Execute(
            """
            INSERT INTO dim_organisation (organisation_code, organisation_name, organisation_type, region_code, region_name, glh)
            VALUES (@Code, @Name, @Type, @RegionCode, @RegionName, @Glh)
            ON CONFLICT (organisation_code) DO UPDATE SET organisation_name = excluded.organisation_name, organisation_type = excluded.organisation_type,
                region_code = excluded.region_code, region_name = excluded.region_name, glh = excluded.glh
            """,
            reference.Organisations.All,
            tx);
        connection.Execute("DELETE FROM organisation_successor", transaction: tx);
        connection.Execute(
            "INSERT INTO organisation_successor (old_code, new_code, effective_date) VALUES (@OldCode, @NewCode, @EffectiveDate)",
            SuccessorRows(reference).Select(s => new { s.OldCode, s.NewCode, s.EffectiveDate }),
            tx);
        connection.Execute("UPDATE dim_organisation SET current_organisation_code = @Wanted WHERE organisation_code = @Code", CurrentCodeChanges(connection, reference, today, tx).Select(c => new { c.Code, c.Wanted }), tx);
        var assumptions = reference.SupplyAssumptions;
        connection.Execute("DELETE FROM supply_assumption; DELETE FROM supply_training_route;", transaction: tx);
        connection.Execute("INSERT INTO supply_assumption (assumptions_version, rate_window_months) VALUES (@Version, @RateWindowMonths)", new { assumptions.Version, assumptions.RateWindowMonths }, tx);
        connection.Execute(
            "INSERT INTO supply_training_route (trainee_role_code, qualified_role_code, training_years, completion_rate) VALUES (@TraineeRole, @QualifiedRole, @TrainingYears, @CompletionRate)",
            assumptions.Routes,
            tx);
        tx.Commit();
    }

    private static bool AssumptionsInStep(SqliteConnection connection, ReferenceDataSet reference) =>
        connection.Query<string>("SELECT assumptions_version FROM supply_assumption").SequenceEqual([reference.SupplyAssumptions.Version]);

    private static bool SuccessorsInStep(SqliteConnection connection, ReferenceDataSet reference, DateOnly today) =>
        connection.Query<(string, string, string)>("SELECT old_code, new_code, effective_date FROM organisation_successor").ToHashSet().SetEquals(SuccessorRows(reference))
        && CurrentCodeChanges(connection, reference, today, null).Count == 0;

    private static IEnumerable<(string OldCode, string NewCode, string EffectiveDate)> SuccessorRows(ReferenceDataSet reference) =>
        reference.Successors.Select(s => (s.OldCode, s.NewCode, s.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Organisations whose code today (following the successor table; NULL without a successor) is not the one stored.</summary>
    private static IReadOnlyList<(string Code, string? Wanted)> CurrentCodeChanges(SqliteConnection connection, ReferenceDataSet reference, DateOnly today, SqliteTransaction? tx) =>
        new Organisations.SuccessorChain(reference.Successors).Changes(
            connection.Query<(string Code, string? Current)>("SELECT organisation_code, current_organisation_code FROM dim_organisation", transaction: tx),
            today);

    private static bool InStep(SqliteConnection connection, ReferenceDataSet reference)
    {
        var roles = connection.Query<(string, string, string, string?)>("SELECT role_code, role_name, role_family, typical_grade FROM dim_role").ToHashSet();
        var grades = connection.Query<(string, string, string, string?, long)>("SELECT grade_code, grade_label, pay_scale, band, sort_order FROM dim_grade").ToHashSet();
        var organisations = connection.Query<(string, string, string, string?, string?, string?)>("SELECT organisation_code, organisation_name, organisation_type, region_code, region_name, glh FROM dim_organisation").ToHashSet();
        return reference.Taxonomy.Roles.All(r => roles.Contains((r.Code, r.Name, r.Family, r.TypicalGrade)))
            && reference.Grades.All.All(g => grades.Contains((g.Code, g.Label, g.PayScale, g.Band, g.SortOrder)))
            && reference.Organisations.All.All(o => organisations.Contains((o.Code, o.Name, o.Type, o.RegionCode, o.RegionName, o.Glh)));
    }
}
