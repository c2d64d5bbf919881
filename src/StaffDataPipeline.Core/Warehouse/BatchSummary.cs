using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>Everything a loader needs to close a batch, whether it commits or not.</summary>
public sealed record BatchSummary(
    BatchCounts Counts,
    IReadOnlyList<RowRejection> Rejections,
    IReadOnlyDictionary<UnmappedPost, long> Unmapped,
    string Status,
    string? Message,
    DateTimeOffset FinishedAt);

/// <summary>What committing a batch did besides inserting its facts.</summary>
public sealed record CommitResult(long BatchId, long SupersededFacts, IReadOnlyList<long> SupersededBatches);
