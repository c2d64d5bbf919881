namespace StaffDataPipeline.Extraction;

/// <summary>A file offered to the pipeline, with what was learnt by reading it once end to end.</summary>
public sealed record SourceFile(string Path, string Sha256, long Length, TextEncodingGuess Encoding)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>What the bytes say about the text encoding: a BOM, valid UTF-8 without one, or neither (taken as Windows-1252).</summary>
public enum TextEncodingGuess
{
    Utf8WithBom,
    Utf8,
    Windows1252,
}
