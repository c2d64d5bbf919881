using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>The audit, quarantine and review writes every kind of batch (ESR file, survey return) shares.</summary>
internal static class SqliteBatchAudit
{
    public static void WriteRejections(SqliteConnection connection, long batchId, BatchSummary summary, SqliteTransaction tx) =>
        connection.Execute(
            "INSERT INTO rejected_row (batch_id, sheet_name, row_number, column_name, reason_code, message) VALUES (@Batch, @Sheet, @RowNumber, @Column, @ReasonCode, @Message)",
            summary.Rejections.Select(r => new { Batch = batchId, r.Sheet, r.RowNumber, r.Column, r.ReasonCode, r.Message }),
            tx);

    public static void RecordReview(SqliteConnection connection, long batchId, BatchSummary summary, SqliteTransaction tx)
    {
        var now = SqliteConnections.Timestamp(summary.FinishedAt);
        connection.Execute(
            """
            INSERT INTO review_unmapped_title (position_title, staff_group, occupation_code, area_of_work, job_role, row_count, first_seen_at, last_seen_at, first_batch_id, last_batch_id)
            VALUES (@PositionTitle, @StaffGroup, @OccupationCode, @AreaOfWork, @JobRole, @Rows, @Now, @Now, @Batch, @Batch)
            ON CONFLICT (position_title, staff_group, occupation_code, area_of_work, job_role) DO UPDATE SET
                row_count = row_count + excluded.row_count, last_seen_at = excluded.last_seen_at, last_batch_id = excluded.last_batch_id
            """,
            summary.Unmapped.Select(u => new { u.Key.PositionTitle, u.Key.StaffGroup, u.Key.OccupationCode, u.Key.AreaOfWork, u.Key.JobRole, Rows = u.Value, Now = now, Batch = batchId }),
            tx);
    }

    /// <summary>
    /// Records the key check with the warehouse's first data, and refuses a batch pseudonymised under another key. Done
    /// inside the batch's transaction, so two first loads under different keys cannot both commit.
    /// </summary>
    public static void RecordKeyCheck(SqliteConnection connection, string? keyCheck, DateTimeOffset now, SqliteTransaction tx)
    {
        if (keyCheck is null)
        {
            return;
        }

        connection.Execute("INSERT OR IGNORE INTO warehouse_key_check (id, key_check, recorded_at) VALUES (1, @keyCheck, @now)", new { keyCheck, now = SqliteConnections.Timestamp(now) }, tx);
        if (connection.ExecuteScalar<string>("SELECT key_check FROM warehouse_key_check WHERE id = 1", transaction: tx) != keyCheck)
        {
            throw new People.KeyMismatchException("The warehouse was loaded with a different pseudonymisation key; this batch was rolled back.");
        }
    }

    public static void RecordTaxonomyVersion(SqliteConnection connection, string version, int ruleCount, DateTimeOffset now, SqliteTransaction tx) =>
        connection.Execute(
            "INSERT OR IGNORE INTO taxonomy_version (version, first_used_at, rule_count) VALUES (@version, @now, @rules)",
            new { version, now = SqliteConnections.Timestamp(now), rules = ruleCount },
            tx);

    public static void UpdateAudit(SqliteConnection connection, long batchId, BatchSummary summary, BatchStatus status, long supersededFacts, SqliteTransaction tx) =>
        connection.Execute(
            """
            UPDATE load_batch SET status = @status, message = @Message, rows_read = @Read, rows_loaded = @Loaded, rows_out_of_scope = @OutOfScope,
                rows_excluded = @Excluded, rows_rejected = @Rejected, superseded_facts = @supersededFacts, finished_at = @finished, reason_code = @ReasonCode
            WHERE batch_id = @batch
            """,
            new
            {
                status = BatchStatusText.Of(status),
                summary.Message,
                summary.ReasonCode,
                summary.Counts.Read,
                Loaded = status == BatchStatus.Loaded ? summary.Counts.Loaded : 0,
                summary.Counts.OutOfScope,
                summary.Counts.Excluded,
                summary.Counts.Rejected,
                supersededFacts,
                finished = SqliteConnections.Timestamp(summary.FinishedAt),
                batch = batchId,
            },
            tx);

    /// <summary>Rolls the data back, then records the outcome and the quarantined rows in a transaction of their own.</summary>
    public static void Abandon(SqliteConnection connection, long batchId, BatchSummary summary)
    {
        using var tx = connection.BeginTransaction();
        WriteRejections(connection, batchId, summary, tx);
        UpdateAudit(connection, batchId, summary, summary.Status == BatchStatus.Rejected ? BatchStatus.Rejected : BatchStatus.Failed, 0, tx);
        tx.Commit();
    }

    /// <summary>For a batch neither committed nor abandoned (cancelled): say so in the audit.</summary>
    public static void MarkInterrupted(SqliteConnection connection, long batchId, DateTimeOffset now) =>
        connection.Execute(
            "UPDATE load_batch SET status = 'failed', reason_code = @ReasonCode, message = @Message, finished_at = @now WHERE batch_id = @batch AND status = 'running'",
            new { now = SqliteConnections.Timestamp(now), batch = batchId, RunningBatch.ReasonCode, RunningBatch.Message });
}
