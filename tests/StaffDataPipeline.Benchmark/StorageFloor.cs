using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Sqlite;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// What SQLite alone needs to store a load's people, posts and facts in this warehouse's schema: the rows a load just
/// wrote, copied by SQLite itself, set-based, into an empty warehouse of the same schema (same indexes, the load's 4 MB
/// page cache, WAL, one transaction), before any file is read, parsed, mapped or pseudonymised. No loader of this schema
/// can store the rows in less; with the derived tables' refresh (the load's own, timed again), it is the floor under the
/// all-stored case's ratio to `.import`.
/// Two orders are timed. <em>As a load stores them</em>: people and posts numbered in the order the file first names
/// them, so each new key goes to a random place in its hash index, and facts checked against their eight foreign keys.
/// <em>Most favourable</em>: people numbered in the order of their key, so their index fills in order, and facts written
/// with foreign keys off; a streaming load cannot number people it has not yet all seen in key order, so this is a lower
/// bound even for a loader that staged the whole file first and trusted its own keys.
/// </summary>
internal static class StorageFloor
{
    /// <param name="People">Seconds to insert the people (dim_person with its key-prefix index).</param>
    /// <param name="Posts">Seconds to insert the posts (dim_position with its hash index).</param>
    /// <param name="Facts">Seconds to insert the facts (fact_staff_in_post with its indexes).</param>
    /// <param name="Commit">Seconds to commit (with SQLite's automatic checkpoint).</param>
    public sealed record Order(double People, double Posts, double Facts, double Commit)
    {
        public double Seconds => People + Posts + Facts + Commit;
    }

    public sealed record Result(Order AsLoaded, Order Favourable);

    private const int LoadCacheKb = 4_096;

    /// <param name="loaded">A warehouse into which one load has just stored its rows (and nothing else was loaded).</param>
    public static Result Measure(string loaded, string work)
    {
        var empty = Path.Combine(work, "floor-empty.db");
        var stage = Path.Combine(work, "floor-stage.db");
        var target = Path.Combine(work, "floor.db");
        try
        {
            EmptyCopy(loaded, empty);
            Stage(loaded, stage);
            var asLoaded = Time(empty, target, loaded, foreignKeys: true, "SELECT * FROM src.dim_person ORDER BY person_id", "SELECT * FROM src.fact_staff_in_post ORDER BY fact_id");
            var favourable = Time(empty, target, stage, foreignKeys: false, "SELECT new_id, person_key FROM src.people ORDER BY new_id", "SELECT * FROM src.facts ORDER BY fact_id");
            return new Result(asLoaded, favourable);
        }
        finally
        {
            Sqlite3Import.Delete(empty);
            Sqlite3Import.Delete(stage);
            Sqlite3Import.Delete(target);
        }
    }

    /// <summary>The loaded warehouse without the rows being measured: its reference rows and batch stay, so that every
    /// foreign key the copied facts name exists.</summary>
    private static void EmptyCopy(string loaded, string empty)
    {
        using (var source = SqliteConnections.Open(loaded))
        {
            source.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        Sqlite3Import.Delete(empty);
        File.Copy(loaded, empty);
        using var connection = SqliteConnections.Open(empty);
        var derived = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'derived\\_%' ESCAPE '\\'").ToList();
        connection.Execute("PRAGMA foreign_keys = OFF");
        foreach (var table in derived.Concat(["fact_staff_in_post", "dim_person", "dim_position"]))
        {
            connection.Execute($"DELETE FROM {table}", commandTimeout: 0);
        }

        connection.Execute("VACUUM main", commandTimeout: 0);
    }

    /// <summary>The favourable order's rows: people renumbered in the order of their key prefix, facts pointing at them.</summary>
    private static void Stage(string loaded, string stage)
    {
        Sqlite3Import.Delete(stage);
        using var connection = SqliteConnections.Open(stage);
        connection.Execute($"ATTACH DATABASE '{loaded.Replace("'", "''", StringComparison.Ordinal)}' AS src");
        connection.Execute(
            """
            CREATE TABLE people AS
                SELECT row_number() OVER (ORDER BY substr(person_key, 1, 16), person_key) AS new_id, person_id AS old_id, person_key FROM src.dim_person;
            CREATE INDEX ix_people_old ON people (old_id);
            CREATE TABLE facts AS
                SELECT f.fact_id, f.batch_id, f.snapshot_date_key, f.organisation_id, f.role_id, f.grade_id, p.new_id AS person_id,
                    f.service_area_id, f.position_id, f.assignment_key, f.fte, f.contracted_hours, f.is_primary, f.age_band, f.rule_id,
                    f.taxonomy_version, f.source_row, f.service_area_rule
                FROM src.fact_staff_in_post f JOIN people p ON p.old_id = f.person_id;
            CREATE TABLE dim_position AS SELECT * FROM src.dim_position;
            """,
            commandTimeout: 0);
    }

    private static Order Time(string empty, string target, string source, bool foreignKeys, string people, string facts)
    {
        Sqlite3Import.Delete(target);
        File.Copy(empty, target);
        using var connection = SqliteConnections.Open(target);
        connection.Execute($"PRAGMA foreign_keys = {(foreignKeys ? "ON" : "OFF")}; PRAGMA cache_size = -{LoadCacheKb}");
        connection.Execute($"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS src");
        double Step(string sql)
        {
            var clock = Stopwatch.StartNew();
            connection.Execute(sql, commandTimeout: 0);
            return clock.Elapsed.TotalSeconds;
        }

        Step("BEGIN TRANSACTION");
        var p = Step($"INSERT INTO dim_person (person_id, person_key) {people}");
        var q = Step("INSERT INTO dim_position SELECT * FROM src.dim_position ORDER BY position_id");
        var f = Step($"INSERT INTO fact_staff_in_post {facts}");
        var c = Step("COMMIT TRANSACTION");
        return new Order(p, q, f, c);
    }
}
