using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using StaffDataPipeline.People;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// The SQL Server warehouse: the same star schema, views and load semantics as SQLite, bulk-loaded through staging,
/// set-based at commit, serialised where it must be with sp_getapplock, retried on transient faults. Several loaders
/// on several machines may share one database.
/// </summary>
public sealed class SqlServerWarehouse : IWarehouse
{
    private readonly SqlServerWarehouseOptions _options;
    private readonly ReferenceDataSet _reference;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _retry;
    // Said once per process: a warehouse is made per load, and the advice does not change between loads.
    private static int _warnedNoSnapshot;
    private readonly ILogger _logger;
    private bool _migrated;

    public SqlServerWarehouse(SqlServerWarehouseOptions options, ReferenceDataSet reference, TimeProvider? time = null, ILogger<SqlServerWarehouse>? logger = null)
    {
        _logger = logger ?? NullLogger<SqlServerWarehouse>.Instance;
        _options = options;
        _reference = reference;
        _time = time ?? TimeProvider.System;
        _retry = SqlServerConnections.Retry(options, _time);
    }

    /// <summary>Whether the database has READ_COMMITTED_SNAPSHOT on, as found by <see cref="MigrateAsync"/> (null before, or when not visible).</summary>
    public bool? ReadCommittedSnapshot { get; private set; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await Guarded(async ct =>
        {
            if (_options.ApplyMigrations)
            {
                SqlServerMigrations.Apply(_options);
            }

            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            ReadCommittedSnapshot = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(SqlServerStatements.ReadCommittedSnapshot, cancellationToken: ct));
            if (ReadCommittedSnapshot == false && Interlocked.Exchange(ref _warnedNoSnapshot, 1) == 0)
            {
                _logger.LogWarning(
                    "{Warehouse} does not use read-committed snapshot: analysts' queries wait for a load's commit and a load waits for long queries. Ask the DBA to run ALTER DATABASE … SET READ_COMMITTED_SNAPSHOT ON (see docs/sqlserver.md).",
                    _options.ConnectionDescription);
            }

            var pending = await SqlServerMigrations.PendingAsync(connection, ct);
            if (pending.Count > 0)
            {
                throw new WarehouseUnavailableException(
                    WarehouseUnavailableException.Unusable,
                    $"The warehouse schema on {_options.ConnectionDescription} is behind: {pending.Count} migration(s) not applied ({string.Join(", ", pending)}). Ask the DBA to run the script from `staffdata schema-script --provider SqlServer`.");
            }

            await SyncReferenceAsync(connection, ct);
            await FailOrphanedBatchesAsync(connection, ct);
            return 0;
        },
        cancellationToken);
        _migrated = true;
    }

    public Task<BatchOfFile?> FindBatchOfFileAsync(string sha256, CancellationToken cancellationToken) => Guarded(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);

            // `validate` asks before any schema exists: no schema, no batch.
            return await connection.ExecuteScalarAsync<int?>("SELECT OBJECT_ID(N'staffdata.load_batch', N'U');") is null ? null : await BatchOfAsync(connection, null, sha256, ct);
        },
        cancellationToken);

    public Task<WarehouseKeyState> ReadKeyStateAsync(CancellationToken cancellationToken) => Guarded(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            if (await connection.ExecuteScalarAsync<int?>("SELECT OBJECT_ID(N'staffdata.dim_person', N'U');") is null)
            {
                return WarehouseKeyState.Empty;
            }

            var state = await connection.QuerySingleAsync<(string? KeyCheck, bool HasPersonData)>(new CommandDefinition(SqlServerStatements.KeyState, cancellationToken: ct));
            return new WarehouseKeyState(state.KeyCheck, state.HasPersonData);
        },
        cancellationToken);

    public Task<IReadOnlyList<Organisations.OdsOrganisation>> ReadOdsOrganisationsAsync(CancellationToken cancellationToken) => Guarded(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            if (await connection.ExecuteScalarAsync<int?>("SELECT OBJECT_ID(N'staffdata.ods_organisation', N'U');") is null)
            {
                return (IReadOnlyList<Organisations.OdsOrganisation>)[];
            }

            return (await connection.QueryAsync<SqlServerOdsRow>(new CommandDefinition(SqlServerStatements.OdsOrganisations, cancellationToken: ct))).Select(r => r.ToOrganisation()).ToList();
        },
        cancellationToken);

    public async Task<IStaffInPostBatchWriter> BeginBatchAsync(BatchStart start, CancellationToken cancellationToken) =>
        new SqlServerBatchWriter(_options, await BeginAsync(start, cancellationToken), start, _reference.Mapper.Rules.Count, _time, _retry);

    public async Task<IBatchWriter<Surveys.SurveyLine>> BeginSurveyBatchAsync(BatchStart start, Surveys.SurveyReturnHeader header, CancellationToken cancellationToken) =>
        new SqlServerSurveyBatchWriter(_options, await BeginAsync(start, cancellationToken), start, header, _reference.Mapper.Rules.Count, _retry);

    public Task<long> RecordRefusedFileAsync(BatchStart start, BatchSummary summary, CancellationToken cancellationToken) => Guarded(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
            var id = await InsertAuditAsync(connection, tx, start, BatchStatus.Rejected, summary.Message, ct);
            await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.RefusedAudit, new { finished = summary.FinishedAt, code = summary.ReasonCode, id }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return id;
        },
        cancellationToken);

    /// <summary>
    /// Under an application lock on the file's hash (two machines, one file): refuses bytes loaded or being loaded by a
    /// live owner, then commits the batch's 'running' audit row. The filtered unique index on loaded hashes stays as the last guard.
    /// </summary>
    private Task<long> BeginAsync(BatchStart start, CancellationToken cancellationToken) => Guarded(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
            await SqlServerLocks.FileAsync(connection, tx, start.Sha256, _options, ct);

            // A retry whose first try committed the 'running' row (its acknowledgement lost) finds that row: it is
            // this very start, not another loader, so it is taken up instead of refusing the file as being loaded.
            var rows = (await connection.QueryAsync<BatchRow>(new CommandDefinition(SqlServerStatements.BatchesOfFile, new { sha256 = start.Sha256 }, tx, cancellationToken: ct))).ToList();
            if (rows.FirstOrDefault(r => r.IsStartOf(start)) is { } mine)
            {
                return mine.BatchId;
            }

            if (Taken(rows) is { } taken)
            {
                throw new FileAlreadyTakenException(taken);
            }

            var id = await InsertAuditAsync(connection, tx, start, BatchStatus.Running, null, ct);
            await tx.CommitAsync(ct);
            return id;
        },
        cancellationToken);

    private async Task<BatchOfFile?> BatchOfAsync(SqlConnection connection, SqlTransaction? tx, string sha256, CancellationToken ct) =>
        Taken(await connection.QueryAsync<BatchRow>(new CommandDefinition(SqlServerStatements.BatchesOfFile, new { sha256 }, tx, cancellationToken: ct)));

    private BatchOfFile? Taken(IEnumerable<BatchRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Status == "loaded")
            {
                return new BatchOfFile(row.BatchId, BatchStatus.Loaded, null) { FileName = row.FileName };
            }

            if (IsAlive(row))
            {
                return new BatchOfFile(row.BatchId, BatchStatus.Running, $"{row.Host} pid {row.Pid}") { FileName = row.FileName };
            }
        }

        return null;
    }

    /// <summary>The rule is <see cref="RunningBatch.IsAlive"/>; SQL Server keeps heartbeats, so another host's batch lives while it beats.</summary>
    private bool IsAlive(BatchRow row) =>
        new RunningBatch(
            row.BatchId,
            row.Host is not null && row.Pid is not null && row.ProcessStartedAt is not null ? new BatchOwner(row.Host, row.Pid.Value, row.ProcessStartedAt.Value) : null,
            row.HeartbeatAt).IsAlive(_time.GetUtcNow(), _options.HeartbeatStaleAfter);

    private async Task FailOrphanedBatchesAsync(SqlConnection connection, CancellationToken ct)
    {
        foreach (var row in await connection.QueryAsync<BatchRow>(new CommandDefinition(SqlServerStatements.RunningBatches, cancellationToken: ct)))
        {
            if (!IsAlive(row))
            {
                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.FailBatches, new { id = row.BatchId, RunningBatch.ReasonCode, RunningBatch.Message }, cancellationToken: ct));
            }
        }
    }

    private async Task SyncReferenceAsync(SqlConnection connection, CancellationToken ct)
    {
        await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.UpsertRole, _reference.Taxonomy.Roles, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.UpsertGrade, _reference.Grades.All, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.UpsertOrganisation, _reference.Organisations.All, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.ReplaceSuccessors, transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            SqlServerStatements.InsertSuccessor,
            _reference.Successors.Select(s => new { s.OldCode, s.NewCode, EffectiveDate = s.EffectiveDate.ToDateTime(TimeOnly.MinValue) }),
            tx,
            cancellationToken: ct));
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var current = await connection.QueryAsync<(string Code, string? Current)>(new CommandDefinition(SqlServerStatements.CurrentCodes, transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            SqlServerStatements.UpdateCurrentCode,
            new Organisations.SuccessorChain(_reference.Successors).Changes(current, today).Select(c => new { c.Code, c.Wanted }),
            tx,
            cancellationToken: ct));
        var assumptions = _reference.SupplyAssumptions;
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.ReplaceAssumptions, new { assumptions.Version, assumptions.RateWindowMonths }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.InsertTrainingRoute, assumptions.Routes, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static Task<long> InsertAuditAsync(SqlConnection connection, SqlTransaction tx, BatchStart start, BatchStatus status, string? message, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlServerStatements.InsertAudit,
            new
            {
                start.FileName,
                start.Sha256,
                start.Extractor,
                start.TaxonomyVersion,
                start.PersonIdentifier,
                status = BatchStatusText.Of(status),
                message,
                startedAt = start.StartedAt,
                host = start.Owner.Host,
                pid = start.Owner.ProcessId,
                processStartedAt = start.Owner.ProcessStartedAt,
            },
            tx,
            cancellationToken: ct));

    /// <summary>Transient faults are retried; what remains becomes one sentence that names the server, never the credentials.</summary>
    private async Task<T> Guarded<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async ct => await action(ct), cancellationToken);
        }
        catch (SqlException ex)
        {
            throw new WarehouseUnavailableException(
                SqlTransientErrors.IsBusy(ex) ? WarehouseUnavailableException.Busy : WarehouseUnavailableException.Unusable,
                $"The warehouse on {_options.ConnectionDescription} cannot be used: {ex.Message}",
                ex);
        }
    }

    internal sealed record BatchRow(long BatchId, string Status, string? Host, int? Pid, DateTimeOffset? ProcessStartedAt, DateTimeOffset? HeartbeatAt, DateTimeOffset? StartedAt, string? FileName)
    {
        /// <summary>The running row this very start wrote: same owner process and the same start time (the audit keeps milliseconds).</summary>
        public bool IsStartOf(BatchStart start) =>
            Status == "running"
            && string.Equals(Host, start.Owner.Host, StringComparison.OrdinalIgnoreCase)
            && Pid == start.Owner.ProcessId
            && ProcessStartedAt is { } process && Math.Abs((process - start.Owner.ProcessStartedAt).TotalMilliseconds) < 1
            && StartedAt is { } started && Math.Abs((started - start.StartedAt).TotalMilliseconds) < 1;
    }
}
