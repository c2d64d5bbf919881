using System.Diagnostics;
using Dapper;
using StaffDataPipeline.Sqlite;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// What SQLite itself needs to store a load's people, posts and facts in this warehouse's schema: the rows a load
/// wrote, copied by SQLite, set-based, into an empty warehouse of the same schema (the load's page cache, WAL, one
/// transaction), before any file is read, parsed, mapped or pseudonymised, and with no per-row statement. Three ways:
/// <list type="bullet">
/// <item><em>As a load stores them</em>: people and posts numbered in the order the file first names them, every index
/// in place (each new key goes to a random place in its hash index) and the facts' eight foreign keys checked.</item>
/// <item><em>Hash indexes built after</em>: the same rows, numbers and order, the two hash indexes dropped first and
/// built after the insert (timed). A streaming load looks people and posts up by those indexes to find the ones it has
/// met already, so it could do this only by finding them some other way, such as holding every key of the file in
/// memory.</item>
/// <item><em>People in key order</em>: people numbered in the order of their key, so that their index fills in order
/// (posts as loaded: see Stage), every index in place, foreign keys off. A streaming load cannot number people it has
/// not all seen; a load that staged every row first could, at the cost of writing them twice (not measured here).</item>
/// </list>
/// The source is read inside each timed step (a scan of the three tables, well under a second at 1.5 million rows).
/// </summary>
internal static class StorageFloor
{
    /// <param name="People">Seconds to insert the people (dim_person with its key-prefix index).</param>
    /// <param name="Posts">Seconds to insert the posts (dim_position with its hash index).</param>
    /// <param name="Facts">Seconds to insert the facts (fact_staff_in_post with its indexes).</param>
    /// <param name="Indexes">Seconds to build the two hash indexes after the insert (0 where they were in place).</param>
    /// <param name="Commit">Seconds to commit (with SQLite's automatic checkpoint, as a load's commit).</param>
    public sealed record Way(double People, double Posts, double Facts, double Indexes, double Commit)
    {
        public double Seconds => People + Posts + Facts + Indexes + Commit;
    }

    public sealed record Result(Way AsLoaded, Way IndexesAfter, Way PeopleInKeyOrder);

    private const string PositionColumns = "position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, role_id, rule_id, taxonomy_version, post_hash";
    private const string FactColumns = "batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id, assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule";
    private static readonly string[] HashIndexes = ["ix_dim_person_key_prefix", "ix_dim_position_post_hash"];

    /// <summary>Deletes what an invocation that did not finish left: set-aside warehouses (hundreds of MB each) and copies.</summary>
    public static void DeleteLeftovers(string work)
    {
        foreach (var file in Directory.GetFiles(work, "floor*.db*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Moves a loaded warehouse aside, under a name of its run in the work folder, to be measured later, so that the
    /// copies do not disturb the cases after it. Returns where it went.
    /// </summary>
    public static string Keep(string warehouse, string work, int run)
    {
        using (var connection = SqliteConnections.Open(warehouse))
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        var kept = Path.Combine(work, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"floor-source-{run}.db"));
        Sqlite3Import.Delete(kept);
        File.Move(warehouse, kept);
        return kept;
    }

    /// <param name="loaded">A warehouse into which one load has stored its rows (and nothing else was loaded).</param>
    public static Result Measure(string loaded, string work)
    {
        var empty = Path.Combine(work, "floor-empty.db");
        var stage = Path.Combine(work, "floor-stage.db");
        var target = Path.Combine(work, "floor.db");
        try
        {
            EmptyCopy(loaded, empty);
            Stage(loaded, stage);
            var asLoaded = Time(empty, target, loaded, foreignKeys: true, indexesAfter: false);
            var indexesAfter = Time(empty, target, loaded, foreignKeys: true, indexesAfter: true);
            var peopleInKeyOrder = Time(empty, target, stage, foreignKeys: false, indexesAfter: false);
            return new Result(asLoaded, indexesAfter, peopleInKeyOrder);
        }
        finally
        {
            Sqlite3Import.Delete(empty);
            Sqlite3Import.Delete(stage);
            Sqlite3Import.Delete(target);
        }
    }

    /// <summary>The loaded warehouse without the rows being measured: its reference rows and batch stay, so that every
    /// foreign key the copied facts name exists. A copy of the file, so every index of the schema is there.</summary>
    private static void EmptyCopy(string loaded, string empty)
    {
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

    /// <summary>
    /// The rows of the way with people in key order, under the loaded warehouse's table and column names: people
    /// renumbered in the order of their key prefix, facts pointing at them; posts as loaded (numbered in the order the file names them, so that
    /// the facts' position index fills in order: numbered by their hash instead, that index of 1.5 million facts would
    /// fill at random to spare the 690,000 posts' hash index). Each table is declared from the loaded one's definition,
    /// keyed on its number, so that reading it in that order is a scan, not a sort (CREATE TABLE … AS would drop the key),
    /// and unchanged: with foreign keys off, SQLite accepts references to the tables the stage does not hold.
    /// </summary>
    private static void Stage(string loaded, string stage)
    {
        Sqlite3Import.Delete(stage);
        using var connection = SqliteConnections.Open(stage);
        connection.Execute("PRAGMA foreign_keys = OFF");
        Attach(connection, loaded);
        foreach (var table in new[] { "dim_person", "dim_position", "fact_staff_in_post" })
        {
            var definition = connection.ExecuteScalar<string>("SELECT sql FROM src.sqlite_master WHERE type = 'table' AND name = @table", new { table })!;
            connection.Execute(definition);
        }

        var facts = Prefixed("f", FactColumns).Replace("f.person_id", "r.new_id", StringComparison.Ordinal);
        connection.Execute(
            $"""
            CREATE TABLE people_renumbered (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL);
            INSERT INTO people_renumbered SELECT person_id, row_number() OVER (ORDER BY substr(person_key, 1, 16), person_key) FROM src.dim_person;
            INSERT INTO main.dim_person (person_id, person_key)
                SELECT r.new_id, p.person_key FROM src.dim_person p JOIN people_renumbered r ON r.old_id = p.person_id ORDER BY r.new_id;
            INSERT INTO main.dim_position (position_id, {PositionColumns}) SELECT position_id, {PositionColumns} FROM src.dim_position ORDER BY position_id;
            INSERT INTO main.fact_staff_in_post (fact_id, {FactColumns})
                SELECT f.fact_id, {facts} FROM src.fact_staff_in_post f JOIN people_renumbered r ON r.old_id = f.person_id ORDER BY f.fact_id;
            """,
            commandTimeout: 0);
    }

    /// <summary>Copies <paramref name="source"/>'s people, posts and facts (the loaded warehouse or the stage, under the
    /// same names) into a fresh copy of the empty warehouse, each in the order of its number.</summary>
    private static Way Time(string empty, string target, string source, bool foreignKeys, bool indexesAfter)
    {
        Sqlite3Import.Delete(target);
        File.Copy(empty, target);
        using var connection = SqliteConnections.Open(target);
        connection.Execute($"PRAGMA foreign_keys = {(foreignKeys ? "ON" : "OFF")}; PRAGMA cache_size = -{SqliteBatchWriter.LargeCacheKb}");
        Attach(connection, source);
        List<string> indexes = [];
        if (indexesAfter)
        {
            indexes = connection.Query<string>("SELECT sql FROM main.sqlite_master WHERE type = 'index' AND name IN @HashIndexes", new { HashIndexes }).ToList();
            foreach (var name in HashIndexes)
            {
                connection.Execute($"DROP INDEX main.{name}");
            }
        }

        double Step(string sql)
        {
            var clock = Stopwatch.StartNew();
            connection.Execute(sql, commandTimeout: 0);
            return clock.Elapsed.TotalSeconds;
        }

        Step("BEGIN TRANSACTION");
        var p = Step("INSERT INTO main.dim_person (person_id, person_key) SELECT person_id, person_key FROM src.dim_person ORDER BY person_id");
        var q = Step($"INSERT INTO main.dim_position (position_id, {PositionColumns}) SELECT position_id, {PositionColumns} FROM src.dim_position ORDER BY position_id");
        var f = Step($"INSERT INTO main.fact_staff_in_post (fact_id, {FactColumns}) SELECT fact_id, {FactColumns} FROM src.fact_staff_in_post ORDER BY fact_id");
        var i = indexes.Sum(Step);
        var c = Step("COMMIT TRANSACTION");
        return new Way(p, q, f, i, c);
    }

    private static void Attach(Microsoft.Data.Sqlite.SqliteConnection connection, string path) =>
        connection.Execute("ATTACH DATABASE @path AS src", new { path });

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
}
