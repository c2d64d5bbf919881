namespace StaffDataPipeline.Extraction;

/// <summary>Something the registry can choose for a file by looking at its content: an ESR extractor or a survey extractor.</summary>
public interface ISourceFormat
{
    /// <summary>Stable name stored in the load audit.</summary>
    string Name { get; }

    /// <summary>How confident this format is that it can read the file, judged by content. 0 = not at all.</summary>
    int Probe(SourceFile file);
}
