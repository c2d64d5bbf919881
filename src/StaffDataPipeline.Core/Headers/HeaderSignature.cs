namespace StaffDataPipeline.Headers;

/// <summary>
/// What makes a row the header of an ESR staff-in-post export, in a CSV or a workbook alike: it names at least
/// <see cref="MinimumFields"/> staff-in-post fields and stands within the first <see cref="SearchRows"/> rows, below
/// the title and "Report run on…" lines an ESR BI report saved from Excel keeps. A title line is one cell, so it never
/// names two fields.
/// </summary>
public static class HeaderSignature
{
    public const int MinimumFields = 2;

    public const int SearchRows = 20;

    public static bool IsHeader(HeaderMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Columns.Count >= MinimumFields;
    }
}
