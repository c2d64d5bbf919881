namespace StaffDataPipeline.Warehouse;

/// <summary>A title (with its context) that no rule decided, for the review queue.</summary>
public sealed record UnmappedPost(string PositionTitle, string StaffGroup, string OccupationCode, string AreaOfWork, string JobRole)
{
    public static UnmappedPost From(Normalisation.PostDescriptors post) =>
        new(post.PositionTitle, post.StaffGroup, post.OccupationCode, post.AreaOfWork, post.JobRole);
}

/// <summary>A review-queue line as the warehouse holds it.</summary>
public sealed record UnmappedTitle(
    string PositionTitle,
    string StaffGroup,
    string OccupationCode,
    string AreaOfWork,
    string JobRole,
    long RowCount,
    string FirstSeen,
    string LastSeen)
{
    /// <summary>The earliest data month (ESR snapshot date, or survey return period) of the rows still held; null once none are.</summary>
    public string? FirstData { get; init; }

    /// <summary>The latest data month (ESR snapshot date, or survey return period) of the rows still held.</summary>
    public string? LastData { get; init; }
}

/// <summary>An organisation code not in the reference data, with what the warehouse holds for it.</summary>
public sealed record UnknownOrganisation(string Code, string Name, long Facts, long SurveyReturns);
