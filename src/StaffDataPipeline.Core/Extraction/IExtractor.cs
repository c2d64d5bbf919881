namespace StaffDataPipeline.Extraction;

/// <summary>
/// A source format. Adding a source is one class implementing this and one registration in <see cref="ExtractorRegistry"/>.
/// </summary>
public interface IExtractor
{
    /// <summary>Stable name stored in the load audit.</summary>
    string Name { get; }

    /// <summary>How confident this extractor is that it can read the file, judged by its header signature. 0 = not at all.</summary>
    int Probe(SourceFile file);

    /// <summary>Opens the file for streaming. Throws <see cref="FileRejectedException"/> when the file cannot be read as this source.</summary>
    IExtraction Open(SourceFile file, ExtractionOptions options);
}
