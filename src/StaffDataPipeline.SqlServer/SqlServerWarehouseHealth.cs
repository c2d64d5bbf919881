using Microsoft.Data.SqlClient;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>Probes the SQL Server warehouse with one short query and no retries: a health check must answer quickly.</summary>
public sealed class SqlServerWarehouseHealth : IWarehouseHealth
{
    private readonly SqlServerWarehouseOptions _options;

    public SqlServerWarehouseHealth(SqlServerWarehouseOptions options) => _options = options;

    public async Task<WarehouseHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, cancellationToken);
        await using var command = new SqlCommand(SqlServerStatements.LastSuccessfulLoad, connection) { CommandTimeout = 15 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
        {
            return new WarehouseHealth(false, null);
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WarehouseHealth(true, reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0));
    }

    public Task<IReadOnlyList<RecentBatch>> RecentBatchesAsync(int count, CancellationToken cancellationToken) =>
        SqlServerRecentBatches.ReadAsync(_options.ConnectionString, count, cancellationToken);
}
