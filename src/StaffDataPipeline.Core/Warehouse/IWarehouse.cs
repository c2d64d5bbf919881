namespace StaffDataPipeline.Warehouse;

/// <summary>
/// The load side of a warehouse. An adapter (SQLite, SQL Server) decides how to write;
/// the pipeline decides what. Each batch is one transaction.
/// </summary>
public interface IWarehouse
{
    /// <summary>Creates or upgrades the schema and marks batches left 'running' by a crashed process as failed.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The batch that already loaded these exact bytes, if any.</summary>
    Task<long?> FindLoadedBatchAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Writes a 'running' audit row (committed at once) and opens the batch's transaction.</summary>
    Task<IBatchWriter> BeginBatchAsync(BatchStart start, CancellationToken cancellationToken);

    /// <summary>Records a file refused before any row was written (missing column, no snapshot, unreadable).</summary>
    Task<long> RecordRefusedFileAsync(BatchStart start, BatchSummary summary, CancellationToken cancellationToken);
}
