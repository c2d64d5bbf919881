using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Polly;
using StaffDataPipeline.Planning;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// The plan's reads (<see cref="IPlanningSource"/>) and run records (<see cref="IPlanRunStore"/>) on SQL Server: the
/// statements in SqlServerStatements.Planning.cs; the decisions (windows, routes, training years) are Core's.
/// </summary>
public sealed class SqlServerPlanning : IPlanningSource, IPlanRunStore
{
    private readonly SqlServerWarehouseOptions _options;
    private readonly ResiliencePipeline _retry;

    public SqlServerPlanning(SqlServerWarehouseOptions options, TimeProvider? time = null)
    {
        _options = options;
        _retry = SqlServerConnections.Retry(options, time ?? TimeProvider.System);
    }

    public Task<PlanningInputs?> ReadAsync(TraineeRoutes routes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return _retry.ExecuteAsync(async ct => await ReadOnceAsync(routes, ct), cancellationToken).AsTask();
    }

    public Task<long> RecordAsync(PlanRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _retry.ExecuteAsync(async ct => await RecordOnceAsync(record, ct), cancellationToken).AsTask();
    }

    private async Task<PlanningInputs?> ReadOnceAsync(TraineeRoutes routes, CancellationToken ct)
    {
        await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
        var snapshots = await RowsAsync(connection, SqlServerStatements.PlanSnapshots, null, r => (Organisation: r.GetString(0), Key: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)), ct);
        if (snapshots.Count == 0)
        {
            return null;
        }

        var windows = JsonSerializer.Serialize(snapshots.GroupBy(s => s.Organisation, StringComparer.Ordinal)
            .SelectMany(g => FlowWindows.Choose(g.Key, [.. g.Select(s => PlanningReadRows.DateOf(s.Key))]))
            .Select(w => new object[] { w.OrganisationCode, PlanningReadRows.DateKeyOf(w.Start), PlanningReadRows.DateKeyOf(w.End), w.Months }));
        var roles = JsonSerializer.Serialize(routes.TraineeRoles);
        var parameters = new Dictionary<string, string> { ["@windows"] = windows, ["@roles"] = roles };
        string WithTemp(string sql) => SqlServerStatements.PlanSetup + "\n" + sql + "\n" + SqlServerStatements.PlanDrop;

        var stock = await RowsAsync(connection, SqlServerStatements.PlanStock, null, r => new StockCell(r.GetString(0), r.GetString(1), PlanningReadRows.AgeBandOf(r.GetString(2)), Int(r, 3), r.GetDouble(4)), ct);
        var starts = await RowsAsync(connection, WithTemp(SqlServerStatements.PlanFlowStarts), parameters, r => new FlowStartRow(r.GetString(0), Long(r, 1), Int(r, 2), r.GetString(3), r.GetString(4), Int(r, 5), Int(r, 6), Int(r, 7)), ct);
        var ends = await RowsAsync(connection, WithTemp(SqlServerStatements.PlanFlowEnds), parameters, r => new FlowEndRow(r.GetString(0), Long(r, 1), Int(r, 2), r.GetString(3), r.GetString(4), Int(r, 5), Int(r, 6), Int(r, 7)), ct);
        var moves = await RowsAsync(connection, WithTemp(SqlServerStatements.PlanMoves), parameters, r => new MoveCell(r.GetString(0), r.GetString(1), r.GetString(2), Int(r, 3), Int(r, 4)), ct);
        var inPost = await RowsAsync(connection, WithTemp(SqlServerStatements.PlanTraineesInPost), parameters, TraineeRowOf, ct);
        var started = await RowsAsync(connection, WithTemp(SqlServerStatements.PlanTraineeStarts), parameters, TraineeRowOf, ct);
        var demand = await RowsAsync(connection, SqlServerStatements.PlanDemand, null, r => new DemandCell(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5)) { InPostFte = r.IsDBNull(6) ? null : r.GetDouble(6) }, ct);
        return new PlanningInputs(PlanningReadRows.DateOf(snapshots.Max(s => s.Key)), stock, PlanningReadRows.Flows(starts, ends), PlanningReadRows.Trainees(inPost, routes), PlanningReadRows.Starters(started, routes), demand) { Moves = moves };
    }

    private async Task<long> RecordOnceAsync(PlanRecord record, CancellationToken ct)
    {
        await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(ct);
        var result = record.Result;
        await using var run = Command(connection, transaction, SqlServerStatements.PlanInsertRun);
        run.Parameters.Add("@ranAt", SqlDbType.DateTime2).Value = record.RanAt.UtcDateTime;
        run.Parameters.Add("@dataAsOf", SqlDbType.Date).Value = result.DataAsOf.ToDateTime(TimeOnly.MinValue);
        run.Parameters.Add("@version", SqlDbType.NVarChar, 64).Value = result.AssumptionsVersion;
        run.Parameters.Add("@scenario", SqlDbType.NVarChar, 100).Value = result.Scenario;
        run.Parameters.Add("@seed", SqlDbType.BigInt).Value = checked((long)result.Seed);
        run.Parameters.Add("@runs", SqlDbType.Int).Value = result.Runs;
        var runId = Convert.ToInt64(await run.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

        await using var lines = Command(connection, transaction, SqlServerStatements.PlanInsertProjection);
        lines.Parameters.Add("@run", SqlDbType.BigInt).Value = runId;
        lines.Parameters.Add("@rows", SqlDbType.NVarChar, -1).Value = JsonSerializer.Serialize(PlanProjectionRows.Of(record).ToList());
        await lines.ExecuteNonQueryAsync(ct);

        await using var commissions = Command(connection, transaction, SqlServerStatements.PlanInsertCommissions);
        commissions.Parameters.Add("@run", SqlDbType.BigInt).Value = runId;
        commissions.Parameters.Add("@rows", SqlDbType.NVarChar, -1).Value = JsonSerializer.Serialize(PlanProjectionRows.CommissionsOf(record).ToList());
        await commissions.ExecuteNonQueryAsync(ct);

        await using var demand = Command(connection, transaction, SqlServerStatements.PlanInsertDemand);
        demand.Parameters.Add("@run", SqlDbType.BigInt).Value = runId;
        demand.Parameters.Add("@rows", SqlDbType.NVarChar, -1).Value = JsonSerializer.Serialize(PlanProjectionRows.DemandOf(record).ToList());
        await demand.ExecuteNonQueryAsync(ct);

        await transaction.CommitAsync(ct);
        return runId;
    }

    private SqlCommand Command(SqlConnection connection, SqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction) { CommandTimeout = _options.CommandTimeoutSeconds };

    private async Task<List<T>> RowsAsync<T>(SqlConnection connection, string sql, IReadOnlyDictionary<string, string>? parameters, Func<SqlDataReader, T> map, CancellationToken ct)
    {
        await using var command = Command(connection, null, sql);
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            command.Parameters.Add(name, SqlDbType.NVarChar, -1).Value = value;
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static TraineeRow TraineeRowOf(SqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Long(r, 3), Long(r, 4), Long(r, 5), Int(r, 6), r.GetDouble(7));

    private static int Int(SqlDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static long Long(SqlDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
