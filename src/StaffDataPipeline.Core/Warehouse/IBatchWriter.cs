using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>One file's facts on their way in. Nothing is visible to readers until <see cref="CommitAsync"/>.</summary>
public interface IBatchWriter : IAsyncDisposable
{
    long BatchId { get; }

    /// <summary>
    /// Adds a fact; false when this batch already holds the same assignment for the same month and organisation
    /// (the warehouse detects it, so memory does not grow with the file). Synchronous on purpose: it runs once per row.
    /// </summary>
    bool Add(StaffFact fact);

    /// <summary>Supersedes earlier facts for the same organisation and month, writes audit and review rows, commits.</summary>
    Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken);

    /// <summary>Rolls every fact back and records why on the audit row (kept, with the quarantined rows).</summary>
    Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken);
}
