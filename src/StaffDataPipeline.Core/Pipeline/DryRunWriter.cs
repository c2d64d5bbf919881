using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>The writer behind `staffdata validate` for a kind with nothing to check at the warehouse: nothing is written.</summary>
internal sealed class DryRunWriter<TRow> : IBatchWriter<TRow>
{
    public long BatchId => 0;

    public ValueTask AddAsync(TRow row, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SupersededVolume>>([]);

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken) =>
        Task.FromResult(new CommitResult(0, 0, []));

    public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
