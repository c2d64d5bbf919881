using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// A warehouse loaded before batches could be withdrawn is upgraded in place: SQLite rebuilds load_batch to allow the
/// new status, and every batch, fact, quarantined row and return keeps its batch.
/// </summary>
public sealed class WithdrawalMigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_warehouse_from_before_withdrawal_keeps_every_row_and_key_and_can_withdraw_at_once()
    {
        var path = _dir.File("warehouse.db");
        var pipeline = TestPipeline.Create(new SqliteWarehouse(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance));
        await pipeline.RunAsync([Repository.Samples("esr"), Repository.Samples("surveys")], dryRun: false, null, CancellationToken.None);
        const string Figures = "SELECT organisation_code, role_code, grade, headcount, fte FROM v_workforce_summary ORDER BY 1, 2, 3";
        var tables = new[] { "load_batch", "fact_staff_in_post", "rejected_row", "survey_return", "survey_line", "batch_supersession" };
        var (counts, summary) = Read(path, tables, Figures);
        Downgrade(path);

        await new SqliteWarehouse(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance).MigrateAsync(CancellationToken.None);

        var (after, summaryAfter) = Read(path, tables, Figures);
        Assert.Equal(counts, after);
        Assert.Equal(summary, summaryAfter);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
            Assert.Contains("'withdrawn'", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'load_batch'"), StringComparison.Ordinal);
        }

        var result = await new SqliteBatchWithdrawal(path).WithdrawAsync(new WithdrawalRequest(1, "upgrade trial", "a.planner"), CancellationToken.None);
        Assert.Equal(WithdrawalOutcome.Withdrawn, result.Outcome);
    }

    private static (long[] Counts, List<(string, string, string, long, double)> Summary) Read(string path, string[] tables, string figures)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        return ([.. tables.Select(t => connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {t}"))], connection.Query<(string, string, string, long, double)>(figures).ToList());
    }

    // Back to the schema of migration 0010, as a warehouse loaded by the previous version has it (with foreign keys
    // enforced on this connection, the strictest case for the rebuild).
    private static void Downgrade(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM fact_staff_in_post_retired WHERE retired_by_batch_id IS NULL"));
        connection.Execute("""
            PRAGMA foreign_keys = ON;
            BEGIN;
            DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0011_withdraw_batches.sql';
            DROP TABLE fact_staff_in_post_retired;
            DROP INDEX ix_batch_supersession_batch;
            ALTER TABLE survey_return DROP COLUMN withdrawn_at;
            CREATE TEMP TABLE copy AS SELECT * FROM load_batch;
            PRAGMA defer_foreign_keys = ON;
            DROP TABLE load_batch;
            CREATE TABLE load_batch (
                batch_id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, sha256 TEXT NOT NULL, extractor TEXT NOT NULL, taxonomy_version TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('running', 'loaded', 'rejected', 'failed')), message TEXT,
                rows_read INTEGER NOT NULL DEFAULT 0, rows_loaded INTEGER NOT NULL DEFAULT 0, rows_out_of_scope INTEGER NOT NULL DEFAULT 0,
                rows_excluded INTEGER NOT NULL DEFAULT 0, rows_rejected INTEGER NOT NULL DEFAULT 0, superseded_facts INTEGER NOT NULL DEFAULT 0,
                started_at TEXT NOT NULL, finished_at TEXT, reason_code TEXT, owner_host TEXT, owner_pid INTEGER, owner_started_at TEXT, person_identifier TEXT);
            INSERT INTO load_batch SELECT batch_id, file_name, sha256, extractor, taxonomy_version, status, message, rows_read, rows_loaded, rows_out_of_scope,
                rows_excluded, rows_rejected, superseded_facts, started_at, finished_at, reason_code, owner_host, owner_pid, owner_started_at, person_identifier FROM copy;
            DROP TABLE copy;
            CREATE UNIQUE INDEX ux_load_batch_loaded_sha256 ON load_batch (sha256) WHERE status = 'loaded';
            CREATE INDEX ix_load_batch_sha256 ON load_batch (sha256, status);
            DROP VIEW v_load_history;
            CREATE VIEW v_load_history AS SELECT batch_id, file_name, sha256, status, rows_read, rows_loaded, rows_out_of_scope,
                rows_excluded, rows_rejected, started_at, finished_at, reason_code FROM load_batch;
            COMMIT;
            """);
    }
}
