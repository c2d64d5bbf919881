using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.SqlServer;
using StaffDataPipeline.Tests.SqlServer;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>The read behind /loads: the latest batches, newest first, read-only, on both providers.</summary>
public sealed class RecentBatchesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Asking_a_warehouse_that_does_not_exist_yet_answers_nothing_and_creates_nothing()
    {
        var path = _dir.File("never-created.db");

        Assert.Empty(await new SqliteWarehouseHealth(path).RecentBatchesAsync(10, CancellationToken.None));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_latest_batches_come_newest_first_with_status_reason_and_figures()
    {
        var path = _dir.File("warehouse.db");
        var pipeline = TestPipeline.Create(new SqliteWarehouse(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance));
        var good = _dir.Write("RGT_2024-05.csv", Service.RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 6));
        var lines = Service.RunningService.EsrExport("RGT", new DateOnly(2024, 6, 1), 2, rows: 10).Split('\n');
        lines[3] = lines[3].Replace(",1.0,", ",x,", StringComparison.Ordinal);
        lines[5] = lines[5].Replace(",1.0,", ",9.5,", StringComparison.Ordinal);
        var bad = _dir.Write("RGT_2024-06.csv", string.Join('\n', lines));
        await pipeline.RunAsync([good], dryRun: false, progress: null, CancellationToken.None);
        await pipeline.RunAsync([bad], dryRun: false, progress: null, CancellationToken.None);

        var recent = await new SqliteWarehouseHealth(path).RecentBatchesAsync(10, CancellationToken.None);

        Assert.Equal([2L, 1L], recent.Select(b => b.BatchId));
        Assert.Equal(("rejected", "THRESHOLD_EXCEEDED", "RGT_2024-06.csv", 10L, 0L), (recent[0].Status, recent[0].ReasonCode, recent[0].FileName, recent[0].RowsRead, recent[0].RowsLoaded));
        Assert.Equal(2L, recent[0].RowsRejected);
        Assert.Equal(("loaded", (string?)null, 6L, 6L, 0L), (recent[1].Status, recent[1].ReasonCode, recent[1].RowsRead, recent[1].RowsLoaded, recent[1].RowsRejected));
        Assert.Equal(new DateTimeOffset(2024, 11, 15, 9, 0, 0, TimeSpan.Zero), recent[1].FinishedAt);
        Assert.Single(await new SqliteWarehouseHealth(path).RecentBatchesAsync(1, CancellationToken.None));

        // The loaded ESR file is about one organisation and month; the rejected one left no facts to say.
        Assert.Equal(("RGT", "2024-05"), (recent[1].OrganisationCode, recent[1].Period));
        Assert.Equal(((string?)null, (string?)null), (recent[0].OrganisationCode, recent[0].Period));
    }

    [Fact]
    public async Task A_withdrawn_batch_is_listed_as_withdrawn_with_nothing_loaded()
    {
        var path = _dir.File("warehouse.db");
        var pipeline = TestPipeline.Create(new SqliteWarehouse(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance));
        var file = _dir.Write("RGT_2024-05.csv", Service.RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 6));
        await pipeline.RunAsync([file], dryRun: false, progress: null, CancellationToken.None);
        await new SqliteBatchWithdrawal(path).WithdrawAsync(new StaffDataPipeline.Warehouse.WithdrawalRequest(1, "test file", "a.planner"), CancellationToken.None);

        var shown = StaffDataPipeline.Service.Loads.LoadOutcome.Of(Assert.Single(await new SqliteWarehouseHealth(path).RecentBatchesAsync(10, CancellationToken.None)), null, "/loads");

        Assert.Equal(("withdrawn", 0L), (shown.Outcome, shown.RowsLoaded));
        Assert.Contains("out of every view", shown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SQL_Server_read_parses_and_names_only_tables_and_columns_that_exist()
    {
        var (tree, errors) = TSqlCatalog.Parse(SqlServerRecentBatches.Statement);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Empty(TSqlBinding.Problems(TSqlCatalog.Shipped, tree));
    }
}
