using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>The writer behind `staffdata validate`: everything runs, nothing is written.</summary>
internal sealed class DryRunBatchWriter : IBatchWriter
{
    public long BatchId => 0;

    public void Add(StaffFact fact)
    {
    }

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken) =>
        Task.FromResult(new CommitResult(0, 0, []));

    public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
