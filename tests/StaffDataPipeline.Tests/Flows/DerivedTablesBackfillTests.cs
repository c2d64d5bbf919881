using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>
/// Migration 0012 backfills the derived tables of a warehouse loaded before it, with the refresh's own statements:
/// what it derives from the facts equals what the loads derived month by month.
/// </summary>
public sealed class DerivedTablesBackfillTests : IDisposable
{
    private static readonly string[] Tables =
        ["derived_person_month", "derived_organisation_snapshot", "derived_workforce_flow", "derived_turnover", "derived_workforce_summary"];

    private readonly SqliteWarehouseProvider _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_backfill_runs_the_refresh_statements_verbatim()
    {
        var migration = File.ReadAllText(Path.Combine(Repository.Root, "sql", "sqlite", "0012_derived_flows.sql")).ReplaceLineEndings("\n");

        Assert.All(SqliteDerivedTables.Statements, s => Assert.Contains(s.ReplaceLineEndings("\n"), migration, StringComparison.Ordinal));
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

    private List<string> Contents(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_db.DatabasePath};Pooling=False");
        return connection.Query($"SELECT * FROM {table}")
            .Select(r => string.Join(" | ", ((IDictionary<string, object?>)r).Values.Select(v => v is double d ? d.ToString("F6", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
