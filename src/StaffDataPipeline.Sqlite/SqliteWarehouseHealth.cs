using System.Globalization;
using Dapper;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>A read-only probe of the warehouse file: never creates it, never waits long for a lock.</summary>
public sealed class SqliteWarehouseHealth : IWarehouseHealth
{
    private readonly string _databasePath;

    public SqliteWarehouseHealth(string databasePath) => _databasePath = databasePath;

    public Task<WarehouseHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenReadOnly(_databasePath);
        if (connection is null || !SqliteConnections.HasTable(connection, "load_batch"))
        {
            return Task.FromResult(new WarehouseHealth(false, null));
        }

        var last = connection.ExecuteScalar<string?>("SELECT MAX(finished_at) FROM load_batch WHERE status = 'loaded'");
        DateTimeOffset? at = last is null ? null : DateTimeOffset.Parse(last, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return Task.FromResult(new WarehouseHealth(true, at));
    }

    public Task<IReadOnlyList<RecentBatch>> RecentBatchesAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteRecentBatches.Read(_databasePath, count));
}
