namespace StaffDataPipeline.Extraction;

/// <summary>
/// A source format. An ESR staff-in-post source. Adding a source is one class implementing this and one registration in <see cref="ExtractorRegistry"/>.
/// </summary>
public interface IExtractor : ISourceFormat
{
    /// <summary>Opens the file for streaming. Throws <see cref="FileRejectedException"/> when the file cannot be read as this source.</summary>
    IExtraction Open(SourceFile file, ExtractionOptions options);
}
