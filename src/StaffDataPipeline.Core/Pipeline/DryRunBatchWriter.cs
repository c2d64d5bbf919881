using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// The writer behind `staffdata validate`: everything runs, nothing is written. With no database to ask, it keeps
/// the assignments it has seen in memory (16 bytes each) to report duplicates as a load would.
/// </summary>
internal sealed class DryRunBatchWriter : IStaffInPostBatchWriter
{
    private readonly HashSet<UInt128> _seen = [];
    private readonly List<long> _duplicates = [];

    public long BatchId => 0;

    public ValueTask AddAsync(StaffFact fact, CancellationToken cancellationToken)
    {
        var identity = UInt128.Parse(fact.AssignmentKey, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
            ^ ((UInt128)(uint)fact.SnapshotDate.DayNumber << 64)
            ^ (UInt128)(ulong)string.GetHashCode(fact.Organisation.Code, StringComparison.Ordinal);
        if (!_seen.Add(identity))
        {
            _duplicates.Add(fact.SourceRow);
        }

        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<long>>(_duplicates);

    public Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SupersededVolume>>([]);

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken) =>
        Task.FromResult(new CommitResult(0, 0, []));

    public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
