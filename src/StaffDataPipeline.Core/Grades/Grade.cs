namespace StaffDataPipeline.Grades;

/// <summary>A row of the grade dimension: an AfC band or a medical grade, in one sort order.</summary>
public sealed record Grade(string Code, string Label, string PayScale, string? Band, int SortOrder)
{
    public const string UnknownCode = "UNKNOWN";
}
