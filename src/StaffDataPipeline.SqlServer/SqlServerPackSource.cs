using System.Globalization;
using Microsoft.Data.SqlClient;
using Polly;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.SqlServer;

/// <summary>The planning pack's reads on SQL Server (<see cref="IPackSource"/>): the statements in SqlServerStatements.Pack.cs, retried on transient faults.</summary>
public sealed class SqlServerPackSource : IPackSource
{
    private readonly SqlServerWarehouseOptions _options;
    private readonly ResiliencePipeline _retry;

    public SqlServerPackSource(SqlServerWarehouseOptions options, TimeProvider? time = null)
    {
        _options = options;
        _retry = SqlServerConnections.Retry(options, time ?? TimeProvider.System);
    }

    public Task<PackFacts> ReadAsync(CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(async ct => await ReadOnceAsync(ct), cancellationToken).AsTask();

    private async Task<PackFacts> ReadOnceAsync(CancellationToken ct)
    {
        await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
        var esr = await RowsAsync(connection, SqlServerStatements.PackEsr, r => new EsrCoverage(
            r.GetString(0), r.GetString(1), Int(r, 2), PlanningReadRows.DateOf(Long(r, 3)), PlanningReadRows.DateOf(Long(r, 4)), Int(r, 5), Long(r, 6)), ct);
        var returns = await RowsAsync(connection, SqlServerStatements.PackReturns, r => new ReturnCoverage(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), PlanningReadRows.DateOf(Long(r, 4)), Long(r, 5)), ct);
        var workforce = await RowsAsync(connection, SqlServerStatements.PackReturnWorkforce, r => new ReturnWorkforce(
            r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)), ct);
        return new PackFacts(esr, returns, workforce);
    }

    private async Task<List<T>> RowsAsync<T>(SqlConnection connection, string sql, Func<SqlDataReader, T> map, CancellationToken ct)
    {
        await using var command = new SqlCommand(sql, connection) { CommandTimeout = _options.CommandTimeoutSeconds };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static int Int(SqlDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static long Long(SqlDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
