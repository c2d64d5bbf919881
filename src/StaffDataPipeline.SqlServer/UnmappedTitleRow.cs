using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// A review-queue line as this adapter reads it with Dapper: settable properties, because a column that is NULL in every
/// row gives Dapper no type to match a record's constructor with.
/// </summary>
internal sealed class UnmappedTitleRow
{
    public string PositionTitle { get; set; } = string.Empty;

    public string StaffGroup { get; set; } = string.Empty;

    public string OccupationCode { get; set; } = string.Empty;

    public string AreaOfWork { get; set; } = string.Empty;

    public string JobRole { get; set; } = string.Empty;

    public long RowCount { get; set; }

    public string FirstSeen { get; set; } = string.Empty;

    public string LastSeen { get; set; } = string.Empty;

    public string? FirstData { get; set; }

    public string? LastData { get; set; }

    public UnmappedTitle ToTitle() =>
        new(PositionTitle, StaffGroup, OccupationCode, AreaOfWork, JobRole, RowCount, FirstSeen, LastSeen) { FirstData = FirstData, LastData = LastData };
}
