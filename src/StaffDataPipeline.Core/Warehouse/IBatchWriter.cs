using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>
/// One file's facts on their way in. Nothing is visible to readers until <see cref="CommitAsync"/>; how the adapter
/// gets there (one transaction held open, or rows written to staging as they come and a short transaction at commit)
/// is its own business.
/// </summary>
public interface IBatchWriter : IAsyncDisposable
{
    long BatchId { get; }

    /// <summary>
    /// Adds a fact. Runs once per row: an adapter that buffers completes synchronously (no allocation), and a bulk
    /// adapter may flush a chunk to the server when its buffer fills.
    /// </summary>
    ValueTask AddAsync(StaffFact fact, CancellationToken cancellationToken);

    /// <summary>
    /// Set-based, once all rows are in: removes every later occurrence of an assignment already added for the same
    /// month and organisation, and returns their source rows. The warehouse does this so that memory does not grow
    /// with the file, and so that a bulk-copy adapter (SQL Server) can do it in its staging table.
    /// </summary>
    Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Before commit: per organisation and month this batch holds, the facts it has there and the facts of each earlier
    /// batch it would supersede there (nothing for a pair seen for the first time). Reads only; the volume guard uses it.
    /// </summary>
    Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken);

    /// <summary>Supersedes earlier facts for the same organisation and month, writes audit and review rows, commits.</summary>
    Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken);

    /// <summary>Rolls every fact back and records why on the audit row (kept, with the quarantined rows).</summary>
    Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken);
}
