using StaffDataPipeline.People;

namespace StaffDataPipeline.Warehouse;

/// <summary>
/// The load side of a warehouse. An adapter (SQLite, SQL Server) decides how to write;
/// the pipeline decides what. Each batch is one transaction.
/// </summary>
public interface IWarehouse
{
    /// <summary>Creates or upgrades the schema and fails batches left 'running' by an owner that is gone.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The batch that loaded these exact bytes, or that is loading them under a live owner; null if none. Read-only:
    /// answers null for a warehouse that does not exist yet, and creates nothing.
    /// </summary>
    Task<BatchOfFile?> FindBatchOfFileAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a 'running' audit row (committed at once) and opens the batch, whose rows stay invisible until it
    /// commits. Throws <see cref="FileAlreadyTakenException"/>
    /// when, under the warehouse's lock, the same bytes turn out to be loaded or being loaded by another process.
    /// </summary>
    Task<IStaffInPostBatchWriter> BeginBatchAsync(BatchStart start, CancellationToken cancellationToken);

    /// <summary>As <see cref="BeginBatchAsync"/>, for one survey return: each return is one batch, as each ESR file is.</summary>
    Task<IBatchWriter<Surveys.SurveyLine>> BeginSurveyBatchAsync(BatchStart start, Surveys.SurveyReturnHeader header, CancellationToken cancellationToken);

    /// <summary>Records a file refused before any row was written (missing column, no snapshot, unreadable).</summary>
    Task<long> RecordRefusedFileAsync(BatchStart start, BatchSummary summary, CancellationToken cancellationToken);

    /// <summary>The key check recorded with the first data, and whether pseudonymised data exists. Read-only.</summary>
    Task<WarehouseKeyState> ReadKeyStateAsync(CancellationToken cancellationToken);

    /// <summary>The ODS release imported into the warehouse (trusts and sites); empty before any import. Read-only.</summary>
    Task<IReadOnlyList<Organisations.OdsOrganisation>> ReadOdsOrganisationsAsync(CancellationToken cancellationToken);
}
