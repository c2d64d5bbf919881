namespace StaffDataPipeline.Normalisation;

/// <summary>
/// The longest text the warehouse stores for each value a source supplies. These are facts of the domain, not of one
/// database: an ODS organisation code is 3 to 6 characters, and no title, staff group or free-text answer is worth
/// keeping beyond these lengths. The SQL Server columns are declared with exactly these lengths (a test binds the two),
/// so a longer value is quarantined here with its row and column instead of failing the whole file in the database's
/// bulk copy (whose error would also quote the value).
/// </summary>
public static class StoredLengths
{
    public const int OrganisationCode = 12;
    public const int OrganisationName = 200;
    public const int PositionTitle = 400;
    public const int StaffGroup = 200;
    public const int OccupationCode = 20;
    public const int AreaOfWork = 200;
    public const int JobRole = 200;
    public const int CostCentre = 200;
    public const int GradeAsWritten = 100;
    public const int SurveyRole = 400;
    public const int SurveyGrade = 100;
    public const int SurveyDriver = 1000;
    public const int SurveyQuestion = 1000;

    public const string ReasonCode = "VALUE_TOO_LONG";

    /// <summary>True when the value (if any) fits.</summary>
    public static bool Fits(string? value, int limit) => value is null || value.Length <= limit;

    /// <summary>The quarantine message: the length and the limit, never the value.</summary>
    public static string Message(string column, int length, int limit, string advice) =>
        $"{column} is {length} characters long; the warehouse keeps at most {limit}. {advice}";
}
