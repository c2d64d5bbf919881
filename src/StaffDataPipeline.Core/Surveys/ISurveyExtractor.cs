using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Surveys;

/// <summary>A spreadsheet survey return format (xlsx, xls). Values come out as text; types are assigned in normalisation.</summary>
public interface ISurveyExtractor : ISourceFormat
{
    /// <summary>Checks the file is safe and opens it. Throws <see cref="FileRejectedException"/> with the reason otherwise.</summary>
    ISurveyExtraction Open(SourceFile file);
}

/// <summary>An opened return: its cover, then its data rows streamed sheet by sheet.</summary>
public interface ISurveyExtraction : IDisposable
{
    SurveyCover Cover { get; }

    /// <summary>Data rows with content that are hidden in the workbook: not yielded by <see cref="Records"/>, known once it has run.</summary>
    IReadOnlyList<HiddenRows> HiddenRows { get; }

    IEnumerable<ISurveyRecord> Records();
}

/// <summary>A run of hidden rows on one sheet (rows <see cref="First"/> to <see cref="Last"/>, as Excel numbers them).</summary>
public sealed record HiddenRows(string SheetName, long First, long Last)
{
    public long Count => Last - First + 1;

    public string Describe() => First == Last ? $"Row {First} is hidden" : $"Rows {First}–{Last} are hidden";
}
