using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>Withdraws a batch on the SQLite warehouse, in one transaction (see <see cref="IBatchWithdrawal"/> for the rule).</summary>
public sealed class SqliteBatchWithdrawal : IBatchWithdrawal
{
    private readonly string _databasePath;
    private readonly TimeProvider _time;
    private readonly SqliteBusyRetry _retry;

    public SqliteBatchWithdrawal(string databasePath, TimeProvider? time = null, TimeSpan? busyWait = null)
    {
        _databasePath = databasePath;
        _time = time ?? TimeProvider.System;
        _retry = new SqliteBusyRetry(busyWait ?? TimeSpan.FromSeconds(60), _time, databasePath);
    }

    public Task<WithdrawalResult> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var connection = SqliteConnections.Open(_databasePath);
        using var tx = _retry.Execute(() => connection.BeginTransaction(deferred: false));
        var batch = connection.QuerySingleOrDefault<BatchRow>(
            "SELECT file_name AS FileName, status AS Status, withdrawn_at AS WithdrawnAt, withdrawn_by AS WithdrawnBy, withdrawn_reason AS Reason FROM load_batch WHERE batch_id = @id",
            new { id = request.BatchId },
            tx);
        if (batch is null)
        {
            return Task.FromResult(new WithdrawalResult(WithdrawalOutcome.NotFound, request.BatchId));
        }

        var known = new WithdrawalResult(WithdrawalOutcome.NotLoaded, request.BatchId) { FileName = batch.FileName, Status = batch.Status };
        if (batch.Status == "withdrawn")
        {
            return Task.FromResult(known with
            {
                Outcome = WithdrawalOutcome.AlreadyWithdrawn,
                WithdrawnAt = batch.WithdrawnAt is { } when ? DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture) : null,
                WithdrawnBy = batch.WithdrawnBy,
                Reason = batch.Reason,
            });
        }

        if (batch.Status != "loaded")
        {
            return Task.FromResult(known);
        }

        var at = SqliteConnections.Timestamp(_time.GetUtcNow());
        var esr = WithdrawFacts(connection, tx, request.BatchId);
        var survey = WithdrawReturn(connection, tx, request.BatchId, at);
        SqliteDerivedTables.Refresh(connection, tx, esr.Touched);
        connection.Execute(
            "UPDATE load_batch SET status = 'withdrawn', withdrawn_at = @at, withdrawn_by = @by, withdrawn_reason = @reason WHERE batch_id = @id",
            new { at, by = request.WithdrawnBy, reason = request.Reason, id = request.BatchId },
            tx);
        tx.Commit();
        return Task.FromResult(known with
        {
            Outcome = WithdrawalOutcome.Withdrawn,
            FactsWithdrawn = esr.Withdrawn,
            ReturnsWithdrawn = survey.Withdrawn,
            Restored = [.. esr.Restored, .. survey.Restored],
            Unrestorable = esr.Unrestorable,
            Emptied = esr.Emptied,
        });
    }

    // Every organisation and month the batch holds or had superseded; where nothing current is left, the latest batch
    // still loaded that holds retired facts there is current again.
    private static (long Withdrawn, List<RestoredScope> Restored, List<UnrestorableScope> Unrestorable, List<string> Emptied, List<(long OrganisationId, int SnapshotDateKey)> Touched) WithdrawFacts(SqliteConnection connection, SqliteTransaction tx, long batch)
    {
        var pairs = connection.Query<(long Organisation, int Date, string Code)>(
            """
            SELECT DISTINCT f.organisation_id, f.snapshot_date_key, o.organisation_code FROM fact_staff_in_post f JOIN dim_organisation o ON o.organisation_id = f.organisation_id WHERE f.batch_id = @batch
            UNION
            SELECT o.organisation_id, d.date_key, o.organisation_code FROM batch_supersession s
            JOIN dim_organisation o ON o.organisation_code = s.organisation_code JOIN dim_date d ON d.calendar_date = s.snapshot_date
            WHERE s.batch_id = @batch
            """,
            new { batch },
            tx).ToList();
        long withdrawn = RetiredFacts.RetireBatch(connection, tx, batch);
        var restored = new List<RestoredScope>();
        var unrestorable = new List<UnrestorableScope>();
        var emptied = new List<string>();
        foreach (var (organisation, date, code) in pairs.OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Date))
        {
            var args = new { organisation, date, batch };
            if (connection.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM fact_staff_in_post WHERE organisation_id = @organisation AND snapshot_date_key = @date)", args, tx) == 1)
            {
                continue;
            }

            var scope = SupersededVolume.MonthScope(code, date);
            var previous = connection.QuerySingleOrDefault<(long Batch, string FileName)?>(
                """
                SELECT r.batch_id, b.file_name FROM fact_staff_in_post_retired r JOIN load_batch b ON b.batch_id = r.batch_id
                WHERE r.organisation_id = @organisation AND r.snapshot_date_key = @date AND b.status = 'loaded' AND r.batch_id <> @batch
                ORDER BY r.batch_id DESC LIMIT 1
                """,
                args,
                tx);
            if (previous is { } p)
            {
                restored.Add(new RestoredScope(scope, p.Batch, p.FileName, RetiredFacts.Restore(connection, tx, organisation, date, p.Batch)));
                continue;
            }

            // Superseded before facts were kept: the earlier file has to be loaded again.
            var lost = connection.Query<(long Batch, string FileName)>(
                """
                SELECT s.superseded_batch_id, b.file_name FROM batch_supersession s JOIN load_batch b ON b.batch_id = s.superseded_batch_id
                JOIN dim_date d ON d.calendar_date = s.snapshot_date
                WHERE s.batch_id = @batch AND s.organisation_code = @code AND d.date_key = @date AND b.status = 'loaded'
                """,
                new { batch, code, date },
                tx).Select(u => new UnrestorableScope(scope, u.Batch, u.FileName)).ToList();
            unrestorable.AddRange(lost);
            if (lost.Count == 0)
            {
                emptied.Add(scope);
            }
        }

        return (withdrawn, restored, unrestorable, emptied, [.. pairs.Select(p => (p.Organisation, p.Date))]);
    }

    // The batch's return leaves the views the way a superseded one does; where its key has no current return left, the
    // latest return of a batch still loaded is current again.
    private static (long Withdrawn, List<RestoredScope> Restored) WithdrawReturn(SqliteConnection connection, SqliteTransaction tx, long batch, string at)
    {
        var mine = connection.QuerySingleOrDefault<ReturnRow>(
            """
            SELECT s.return_id AS ReturnId, s.superseded_by_batch_id IS NULL AS WasCurrent, s.organisation_id AS OrganisationId, s.organisation_type_stated AS TypeStated, s.return_period AS Period,
                   s.service_area_id AS ServiceAreaId, o.organisation_code AS Code, a.service_area_name AS ServiceArea
            FROM survey_return s JOIN dim_organisation o ON o.organisation_id = s.organisation_id JOIN dim_service_area a ON a.service_area_id = s.service_area_id
            WHERE s.batch_id = @batch
            """,
            new { batch },
            tx);
        if (mine is null)
        {
            return (0, []);
        }

        connection.Execute(
            "UPDATE survey_return SET superseded_by_batch_id = COALESCE(superseded_by_batch_id, batch_id), withdrawn_at = @at WHERE return_id = @id",
            new { at, id = mine.ReturnId },
            tx);
        const string SameKey = "s.organisation_id = @OrganisationId AND s.organisation_type_stated = @TypeStated AND s.return_period = @Period AND s.service_area_id = @ServiceAreaId";
        if (connection.ExecuteScalar<long>($"SELECT EXISTS (SELECT 1 FROM survey_return s WHERE {SameKey} AND s.superseded_by_batch_id IS NULL)", mine, tx) == 1)
        {
            return (mine.WasCurrent == 1 ? 1 : 0, []);
        }

        var previous = connection.QuerySingleOrDefault<(long ReturnId, long Batch, string FileName, long Lines)?>(
            $"""
            SELECT s.return_id, s.batch_id, b.file_name, (SELECT COUNT(*) FROM survey_line l WHERE l.return_id = s.return_id)
            FROM survey_return s JOIN load_batch b ON b.batch_id = s.batch_id
            WHERE {SameKey} AND b.status = 'loaded' AND s.return_id <> @ReturnId
            ORDER BY s.batch_id DESC LIMIT 1
            """,
            mine,
            tx);
        if (previous is not { } p)
        {
            return (mine.WasCurrent == 1 ? 1 : 0, []);
        }

        connection.Execute("UPDATE survey_return SET superseded_by_batch_id = NULL WHERE return_id = @id", new { id = p.ReturnId }, tx);
        return (mine.WasCurrent == 1 ? 1 : 0, [new RestoredScope(SupersededVolume.ReturnScope(mine.Code, mine.Period, mine.ServiceArea), p.Batch, p.FileName, p.Lines)]);
    }

    private sealed record BatchRow(string FileName, string Status, string? WithdrawnAt, string? WithdrawnBy, string? Reason);

    private sealed record ReturnRow(long ReturnId, long WasCurrent, long OrganisationId, string TypeStated, string Period, long ServiceAreaId, string Code, string ServiceArea);
}
