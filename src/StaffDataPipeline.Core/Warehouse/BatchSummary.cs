using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>Everything a loader needs to close a batch, whether it commits or not.</summary>
public sealed record BatchSummary(
    BatchCounts Counts,
    IReadOnlyList<RowRejection> Rejections,
    IReadOnlyDictionary<UnmappedPost, long> Unmapped,
    BatchStatus Status,
    string? Message,
    DateTimeOffset FinishedAt)
{
    /// <summary>Why the batch was refused or failed (e.g. MISSING_COLUMN, THRESHOLD_EXCEEDED, FILE_CHANGED), so files can be routed by reason.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Rows loaded with a consistency concern a reviewer should see (survey returns), stored with the batch at commit.</summary>
    public IReadOnlyList<Surveys.SurveyWarning> Warnings { get; init; } = [];
}

/// <summary>What committing a batch did besides inserting its facts.</summary>
public sealed record CommitResult(long BatchId, long SupersededFacts, IReadOnlyList<long> SupersededBatches)
{
    /// <summary>
    /// Organisations whose month before or after this batch's was keyed on the other kind of identifier (national or
    /// local): the keys do not meet, so flows between those months count everyone as leaving and joining.
    /// </summary>
    public IReadOnlyList<string> IdentifierChangedOrganisations { get; init; } = [];
}
