using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// Migration 0016 replaces the fact index that ended in the assignment's hash with one on (batch, month, organisation)
/// (issue 25), and the check for an assignment twice in one batch sorts each month and organisation of the batch on
/// its own. A warehouse from before 0016 keeps every row and ends as one loaded by this version throughout, and loads
/// that find, supersede, remove duplicates and withdraw leave no key pointing nowhere.
/// </summary>
public sealed class FactBatchIndexTests : IDisposable
{
    private const string Everything = """
        SELECT 'person', person_id, person_key, NULL, NULL, NULL, NULL FROM dim_person
        UNION ALL SELECT 'post', position_id, position_title, cost_centre, role_id, rule_id, post_hash FROM dim_position
        UNION ALL SELECT 'fact', fact_id, batch_id, person_id, position_id, assignment_key, fte FROM fact_staff_in_post
        UNION ALL SELECT 'retired', fact_id, batch_id, person_id, position_id, retired_by_batch_id, fte FROM fact_staff_in_post_retired
        UNION ALL SELECT 'batch', batch_id, status, rows_loaded, rows_rejected, superseded_facts, person_identifier FROM load_batch
        UNION ALL SELECT 'superseded', batch_id, superseded_batch_id, organisation_code, snapshot_date, facts_removed, NULL FROM batch_supersession
        UNION ALL SELECT 'rejected', batch_id, row_number, column_name, reason_code, NULL, NULL FROM rejected_row
        UNION ALL SELECT 'person-month', organisation_id, snapshot_date_key, person_id, role_id, fte, national_identifier FROM derived_person_month
        UNION ALL SELECT 'summary', organisation_id, snapshot_date_key, service_area_id * 1000 + role_id, grade_id, headcount, fte FROM derived_workforce_summary
        UNION ALL SELECT 'flow', organisation_id, end_date_key, role_id, joiners_headcount, leavers_headcount, staff_in_post_end FROM derived_workforce_flow
        ORDER BY 1, 2, 3, 4, 5
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_warehouse_from_before_0016_keeps_every_row_and_the_next_loads_end_as_one_loaded_by_this_version()
    {
        var september = Samples("09");
        var october = Samples("10");

        var throughout = _dir.File("throughout.db");
        await LoadAsync(throughout, september);
        await LoadAsync(throughout, october);

        var upgraded = _dir.File("upgraded.db");
        await LoadAsync(upgraded, september);
        var before = Read(upgraded);
        Downgrade(upgraded);
        Assert.Contains("ix_fact_staff_in_post_batch_assignment", Indexes(upgraded));
        Assert.DoesNotContain("ix_fact_staff_in_post_batch_month_org", Indexes(upgraded));

        await new SqliteWarehouse(upgraded, Reference.Data, NullLogger<SqliteWarehouse>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Equal(before, Read(upgraded));
        Assert.Contains("ix_fact_staff_in_post_batch_month_org", Indexes(upgraded));
        Assert.DoesNotContain("ix_fact_staff_in_post_batch_assignment", Indexes(upgraded));
        await LoadAsync(upgraded, october);
        Assert.Equal(Read(throughout), Read(upgraded));
    }

    [Fact]
    public async Task Loads_that_find_supersede_withdraw_and_quarantine_leave_no_key_pointing_nowhere()
    {
        // Two months of every sample (the second finds the first's people and posts), a resubmission that supersedes,
        // a duplicate assignment that is removed after it was written, and a withdrawal that brings facts back.
        var db = _dir.File("keys.db");
        await LoadAsync(db, [.. Samples("09"), .. Samples("10")]);
        var rows = Enumerable.Range(1, 30).Select(i => $"{i},{i}-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,").ToList();
        rows.Add("7,7-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,0.5,");
        await LoadAsync(db, [Esr("RGT_2023-11.csv", [.. rows])]);

        using var connection = Open(db);
        connection.Open();
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM batch_supersession") > 0);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM rejected_row WHERE reason_code = 'DUPLICATE_ASSIGNMENT'"));
        var superseding = connection.ExecuteScalar<long>("SELECT MIN(batch_id) FROM batch_supersession");
        var withdrawn = await new SqliteBatchWithdrawal(db).WithdrawAsync(new WithdrawalRequest(superseding, "test", "a.planner"), CancellationToken.None);
        Assert.NotEmpty(withdrawn.Restored);

        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM fact_staff_in_post_retired") > 0);
    }

    private static string[] Samples(string month) =>
        [.. Directory.GetFiles(Repository.Samples("esr"), "*.csv").Where(f => Path.GetFileName(f).Contains($"-{month}", StringComparison.Ordinal) || Path.GetFileName(f).Contains($"2023{month}", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private string Esr(string name, params string[] rows)
    {
        var path = _dir.File(name);
        File.WriteAllLines(path, ["Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,Assignment Category,FTE,Date of Birth", .. rows]);
        return path;
    }

    private static Task LoadAsync(string path, string[] files)
    {
        Assert.NotEmpty(files);
        return TestPipeline.LoadEachAsync(path, files);
    }

    private static SqliteConnection Open(string path) => new($"Data Source={path};Pooling=False");

    private static string Read(string path) => SqliteFile.Rows(path, Everything);

    private static List<string> Indexes(string path)
    {
        using var connection = Open(path);
        return [.. connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact_staff_in_post'")];
    }

    // Back to the fact indexes of migration 0003, as a warehouse loaded by the previous version has them.
    private static void Downgrade(string path)
    {
        using var connection = Open(path);
        connection.Open();
        connection.Execute("""
            BEGIN;
            DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0016_fact_batch_month_index.sql';
            DROP INDEX ix_fact_staff_in_post_batch_month_org;
            CREATE INDEX ix_fact_staff_in_post_batch_assignment ON fact_staff_in_post (batch_id, snapshot_date_key, organisation_id, assignment_key);
            COMMIT;
            """);
    }
}
