using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// The writer behind `staffdata validate`: everything runs, nothing is written. With no database to ask, it keeps
/// the assignments it has seen in memory (16 bytes each).
/// </summary>
internal sealed class DryRunBatchWriter : IBatchWriter
{
    private readonly HashSet<UInt128> _seen = [];

    public long BatchId => 0;

    public bool Add(StaffFact fact) => _seen.Add(
        UInt128.Parse(fact.AssignmentKey, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
        ^ ((UInt128)(uint)fact.SnapshotDate.DayNumber << 64)
        ^ (UInt128)(ulong)string.GetHashCode(fact.Organisation.Code, StringComparison.Ordinal));

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken) =>
        Task.FromResult(new CommitResult(0, 0, []));

    public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
