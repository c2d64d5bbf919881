using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>One file's facts on their way in. Nothing is visible to readers until <see cref="CommitAsync"/>.</summary>
public interface IBatchWriter : IAsyncDisposable
{
    long BatchId { get; }

    /// <summary>Adds a fact. Synchronous on purpose: it runs once per row, and a bulk adapter may only buffer it.</summary>
    void Add(StaffFact fact);

    /// <summary>
    /// Set-based, once all rows are in: removes every later occurrence of an assignment already added for the same
    /// month and organisation, and returns their source rows. The warehouse does this so that memory does not grow
    /// with the file, and so that a bulk-copy adapter (SQL Server) can do it in its staging table.
    /// </summary>
    Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken);

    /// <summary>Supersedes earlier facts for the same organisation and month, writes audit and review rows, commits.</summary>
    Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken);

    /// <summary>Rolls every fact back and records why on the audit row (kept, with the quarantined rows).</summary>
    Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken);
}
