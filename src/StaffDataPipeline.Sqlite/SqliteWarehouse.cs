using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.People;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>The embedded default warehouse: one SQLite file, nothing to install.</summary>
public sealed class SqliteWarehouse : IWarehouse
{
    private readonly string _databasePath;
    private readonly ReferenceDataSet _reference;
    private readonly ILogger<SqliteWarehouse> _logger;
    private readonly TimeProvider _time;
    private readonly SqliteBusyRetry _retry;
    private bool _migrated;

    public SqliteWarehouse(string databasePath, ReferenceDataSet reference, ILogger<SqliteWarehouse> logger, TimeProvider? time = null, TimeSpan? busyWait = null)
    {
        _databasePath = databasePath;
        _reference = reference;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _retry = new SqliteBusyRetry(busyWait ?? TimeSpan.FromSeconds(60), _time, databasePath);
    }

    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return Task.CompletedTask;
        }

        Guarded(() =>
        {
            _retry.Execute(() => SqliteMigrations.Apply(_databasePath, _logger));
            using var connection = SqliteConnections.Open(_databasePath);
            _retry.Execute(() => ReferenceDimensions.Sync(connection, _reference, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime)));
            FailOrphanedBatches(connection);
            return 0;
        });
        _migrated = true;
        return Task.CompletedTask;
    }

    public Task<BatchOfFile?> FindBatchOfFileAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(Guarded(() =>
    {
        using var connection = SqliteConnections.OpenReadOnly(_databasePath);
        return connection is null || !SqliteConnections.HasTable(connection, "load_batch") ? null : BatchOf(connection, sha256, null);
    }));

    public Task<WarehouseKeyState> ReadKeyStateAsync(CancellationToken cancellationToken) => Task.FromResult(Guarded(() =>
    {
        using var connection = SqliteConnections.OpenReadOnly(_databasePath);
        if (connection is null || !SqliteConnections.HasTable(connection, "dim_person"))
        {
            return WarehouseKeyState.Empty;
        }

        var check = SqliteConnections.HasTable(connection, "warehouse_key_check") ? connection.QuerySingleOrDefault<string?>("SELECT key_check FROM warehouse_key_check WHERE id = 1") : null;
        return new WarehouseKeyState(check, connection.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM dim_person)") == 1);
    }));

    public Task<IReadOnlyList<Organisations.OdsOrganisation>> ReadOdsOrganisationsAsync(CancellationToken cancellationToken) => Task.FromResult(Guarded(() =>
    {
        using var connection = SqliteConnections.OpenReadOnly(_databasePath);
        return connection is null || !SqliteConnections.HasTable(connection, "ods_organisation")
            ? (IReadOnlyList<Organisations.OdsOrganisation>)[]
            : connection.Query<OdsRow>(OdsRow.Select)
                .Select(r => r.ToOrganisation()).ToList();
    }));

    public Task<IStaffInPostBatchWriter> BeginBatchAsync(BatchStart start, CancellationToken cancellationToken) =>
        Task.FromResult<IStaffInPostBatchWriter>(Begin(start, (connection, batchId) => new SqliteBatchWriter(connection, batchId, start, _reference.Mapper.Rules.Count, _time, _retry)));

    public Task<IBatchWriter<Surveys.SurveyLine>> BeginSurveyBatchAsync(BatchStart start, Surveys.SurveyReturnHeader header, CancellationToken cancellationToken) =>
        Task.FromResult<IBatchWriter<Surveys.SurveyLine>>(Begin(start, (connection, batchId) => new SqliteSurveyBatchWriter(connection, batchId, start, header, _reference.Mapper.Rules.Count, _time, _retry)));

    public Task<long> RecordRefusedFileAsync(BatchStart start, BatchSummary summary, CancellationToken cancellationToken) => Task.FromResult(Guarded(() =>
    {
        using var connection = SqliteConnections.Open(_databasePath);
        return _retry.Execute(() =>
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var id = InsertAudit(connection, start, BatchStatus.Rejected, summary.Message, tx);
            connection.Execute(
                "UPDATE load_batch SET finished_at = @finished, reason_code = @code WHERE batch_id = @id",
                new { finished = SqliteConnections.Timestamp(summary.FinishedAt), code = summary.ReasonCode, id },
                tx);
            tx.Commit();
            return id;
        });
    }));

    /// <summary>The batch holding these bytes: loaded, or running under an owner that may still be alive.</summary>
    private static BatchOfFile? BatchOf(SqliteConnection connection, string sha256, SqliteTransaction? tx)
    {
        var rows = connection.Query<(long Id, string Status, string? Host, long? Pid, string? Started, string FileName)>(
            "SELECT batch_id, status, owner_host, owner_pid, owner_started_at, file_name FROM load_batch WHERE sha256 = @sha256 AND status IN ('loaded', 'running') ORDER BY status = 'loaded' DESC, batch_id",
            new { sha256 },
            tx);
        foreach (var row in rows)
        {
            if (row.Status == "loaded")
            {
                return new BatchOfFile(row.Id, BatchStatus.Loaded, null) { FileName = row.FileName };
            }

            var running = new RunningBatch(row.Id, Owner(row.Host, row.Pid, row.Started), null);
            if (running.IsAlive(DateTimeOffset.UtcNow, heartbeatStaleAfter: null))
            {
                return new BatchOfFile(row.Id, BatchStatus.Running, running.Owner!.ToString()) { FileName = row.FileName };
            }
        }

        return null;
    }

    private static BatchOwner? Owner(string? host, long? pid, string? started) =>
        host is null || pid is null || started is null ? null : new BatchOwner(host, (int)pid, DateTimeOffset.Parse(started, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Fails batches left 'running' by a loader that is gone (the rule is <see cref="RunningBatch.IsAlive"/>; SQLite keeps
    /// no heartbeats, so another host's batches are left alone).
    /// </summary>
    private void FailOrphanedBatches(SqliteConnection connection)
    {
        var running = connection.Query<(long Id, string? Host, long? Pid, string? Started)>("SELECT batch_id, owner_host, owner_pid, owner_started_at FROM load_batch WHERE status = 'running'").ToList();
        var orphaned = running.Where(r => !new RunningBatch(r.Id, Owner(r.Host, r.Pid, r.Started), null).IsAlive(_time.GetUtcNow(), heartbeatStaleAfter: null)).Select(r => r.Id).ToList();
        if (orphaned.Count == 0)
        {
            return;
        }

        _retry.Execute(() => connection.Execute(
            "UPDATE load_batch SET status = 'failed', reason_code = @ReasonCode, message = @Message, finished_at = started_at WHERE batch_id IN @orphaned AND status = 'running'",
            new { orphaned, RunningBatch.ReasonCode, RunningBatch.Message }));
        _logger.LogWarning("{Count} interrupted batch(es) marked failed", orphaned.Count);
    }

    /// <summary>
    /// Under the write lock: refuses bytes loaded or being loaded meanwhile, then commits the batch's 'running' audit row
    /// on its own (so a crash leaves a trace), then the writer opens the data transaction.
    /// </summary>
    private T Begin<T>(BatchStart start, Func<SqliteConnection, long, T> writer) => Guarded(() =>
    {
        var connection = SqliteConnections.Open(_databasePath);
        try
        {
            var batchId = _retry.Execute(() =>
            {
                using var tx = connection.BeginTransaction(deferred: false);
                if (BatchOf(connection, start.Sha256, tx) is { } taken)
                {
                    throw new FileAlreadyTakenException(taken);
                }

                var id = InsertAudit(connection, start, BatchStatus.Running, null, tx);
                tx.Commit();
                return id;
            });
            return writer(connection, batchId);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });

    private T Guarded<T>(Func<T> action)
    {
        SqliteFaults.ThrowIfFolder(_databasePath);
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw SqliteFaults.Translate(ex, _databasePath);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is SqliteException inner)
        {
            throw SqliteFaults.Translate(inner, _databasePath);
        }
    }

    internal static long InsertAudit(SqliteConnection connection, BatchStart start, BatchStatus status, string? message, SqliteTransaction tx) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO load_batch (file_name, sha256, extractor, taxonomy_version, status, message, started_at, owner_host, owner_pid, owner_started_at, person_identifier)
            VALUES (@FileName, @Sha256, @Extractor, @TaxonomyVersion, @status, @message, @started, @host, @pid, @processStarted, @PersonIdentifier) RETURNING batch_id
            """,
            new
            {
                start.FileName,
                start.Sha256,
                start.Extractor,
                start.TaxonomyVersion,
                start.PersonIdentifier,
                status = BatchStatusText.Of(status),
                message,
                started = SqliteConnections.Timestamp(start.StartedAt),
                host = start.Owner.Host,
                pid = start.Owner.ProcessId,
                processStarted = SqliteConnections.Timestamp(start.Owner.ProcessStartedAt),
            },
            tx);
}
