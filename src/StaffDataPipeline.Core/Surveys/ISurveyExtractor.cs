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

    IEnumerable<ISurveyRecord> Records();
}
