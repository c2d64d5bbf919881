using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>
/// Migration 0012 backfills the derived tables of a warehouse loaded before it, with the refresh's own statements:
/// what it derives from the facts equals what the loads derived month by month. And the refresh of a month whose facts
/// have gone (as a withdrawal leaves it) equals a warehouse that never had them.
/// </summary>
public sealed class DerivedTablesBackfillTests : IDisposable
{
    private static readonly string[] Tables =
        ["derived_person_month", "derived_organisation_snapshot", "derived_workforce_flow", "derived_turnover", "derived_workforce_summary"];

    private readonly SqliteWarehouseProvider _db = new();
    private readonly TempDirectory _files = new();

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }

    [Fact]
    public void The_backfill_runs_the_refresh_statements_verbatim_but_the_person_months_rewritten_since()
    {
        var migration = File.ReadAllText(Path.Combine(Repository.Root, "sql", "sqlite", "0012_derived_flows.sql")).ReplaceLineEndings("\n");

        // The person months were rewritten after 0012 as one grouping where they ranked over windows (issue 25);
        // PersonMonthStatementTests holds the backfill's text and the refresh's to the same rows.
        var rewritten = Assert.Single(SqliteDerivedTables.Statements, s => s.Contains("AS top_assignment", StringComparison.Ordinal));
        Assert.Contains("INSERT INTO derived_person_month", rewritten, StringComparison.Ordinal);
        Assert.All(SqliteDerivedTables.Statements.Where(s => s != rewritten), s => Assert.Contains(s.ReplaceLineEndings("\n"), migration, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_warehouse_loaded_before_the_derived_tables_gets_them_from_its_facts()
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data));
        var reports = await pipeline.RunAsync([Repository.Samples("esr-monthly")], dryRun: false, null, CancellationToken.None);
        Assert.All(reports, r => Assert.True(r.Succeeded, $"{r.FileName}: {r.Message}"));
        var loaded = Tables.ToDictionary(t => t, Contents);
        Assert.All(loaded.Values, rows => Assert.NotEmpty(rows));

        // As before 0012: no derived rows, and the journal without the script.
        _db.Execute(string.Join(";\n", Tables.Select(t => $"DELETE FROM {t}")) + ";\nDELETE FROM SchemaVersions WHERE ScriptName LIKE '%0012_derived_flows.sql';");
        Assert.Equal(0L, _db.Scalar<long>("SELECT COUNT(*) FROM derived_workforce_flow"));
        await _db.CreateWarehouse(Reference.Data).MigrateAsync(CancellationToken.None);

        Assert.All(Tables, t => Assert.Equal(loaded[t], Contents(t)));
    }

    [Fact]
    public async Task Refreshing_a_month_whose_facts_are_gone_leaves_everything_as_if_it_had_never_been_loaded()
    {
        // What a withdrawal does: the month's facts leave fact_staff_in_post, then the refresh runs for its pairs.
        string[] files =
        [
            Esr("RGT_2024-01.csv", "1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0", "3,3-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,0.8"),
            Esr("RGT_2024-02.csv", "1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0", "4,4-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,0.6"),
            Esr("RGT_2024-03.csv", "1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,0.9", "3,3-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,0.8"),
            Esr("RGT_2025-02.csv", "1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0"),
        ];
        foreach (var file in files)
        {
            await Load(_db, file);
        }

        // February 2024 to February 2025 is a turnover window (GC and LAB-CS at the start) until February goes.
        Assert.Equal(2L, _db.Scalar<long>("SELECT COUNT(*) FROM v_workforce_turnover"));
        using (var connection = new SqliteConnection($"Data Source={_db.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var tx = connection.BeginTransaction();
            var pairs = connection.Query<(long, int)>("SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post WHERE snapshot_date_key = 20240229", transaction: tx).ToList();
            connection.Execute("DELETE FROM fact_staff_in_post WHERE snapshot_date_key = 20240229", transaction: tx);
            SqliteDerivedTables.Refresh(connection, tx, pairs);
            tx.Commit();
        }

        using var scratch = new SqliteWarehouseProvider();
        foreach (var file in files.Where(f => !f.EndsWith("RGT_2024-02.csv", StringComparison.Ordinal)))
        {
            await Load(scratch, file);
        }

        Assert.Equal(0L, _db.Scalar<long>("SELECT COUNT(*) FROM v_workforce_turnover"));
        foreach (var sql in DerivedTablesContractTests.Comparisons)
        {
            Assert.Equal(DerivedTablesContractTests.Rows(scratch, sql), DerivedTablesContractTests.Rows(_db, sql));
        }
    }

    private string Esr(string name, params string[] rows) =>
        _files.Write(name, string.Join("\n", ["Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Pay Band,Assignment Status,FTE", .. rows]) + "\n");

    private static async Task Load(SqliteWarehouseProvider provider, string path)
    {
        var pipeline = TestPipeline.Create(provider.CreateWarehouse(Reference.Data), Reference.Data);
        var report = (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
        Assert.True(report.Status == Pipeline.FileLoadStatus.Loaded, $"{report.FileName}: {report.Status} {report.Message}");
    }

    private List<string> Contents(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_db.DatabasePath};Pooling=False");
        return connection.Query($"SELECT * FROM {table}")
            .Select(r => string.Join(" | ", ((IDictionary<string, object?>)r).Values.Select(v => v is double d ? d.ToString("F6", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
