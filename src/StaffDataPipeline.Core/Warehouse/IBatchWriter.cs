namespace StaffDataPipeline.Warehouse;

/// <summary>
/// One file's rows on their way in, whatever kind of source they came from (ESR facts, survey lines). Nothing is
/// visible to readers until <see cref="CommitAsync"/>; how the adapter gets there (one transaction held open, or rows
/// written to staging as they come and a short transaction at commit) is its own business. The batch-load template
/// (<see cref="Pipeline.SourceKind"/>) drives every writer through this one seam.
/// </summary>
/// <typeparam name="TRow">What one source row becomes for the warehouse.</typeparam>
public interface IBatchWriter<in TRow> : IAsyncDisposable
{
    long BatchId { get; }

    /// <summary>
    /// Adds a row. Runs once per row: an adapter that buffers completes synchronously (no allocation), and a bulk
    /// adapter may flush a chunk to the server when its buffer fills.
    /// </summary>
    ValueTask AddAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>
    /// Before commit: per scope this batch would supersede (an organisation's month, a return), the rows it brings and
    /// the rows of each earlier batch it would supersede there. Reads only; the volume guard uses it.
    /// </summary>
    Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken);

    /// <summary>Supersedes what this batch replaces, writes audit, review rows and the summary's warnings, commits.</summary>
    Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken);

    /// <summary>Rolls every row back and records why on the audit row (kept, with the quarantined rows).</summary>
    Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken);
}
