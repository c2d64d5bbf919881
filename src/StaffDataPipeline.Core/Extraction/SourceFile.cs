namespace StaffDataPipeline.Extraction;

/// <summary>
/// A file offered to the pipeline, with what was learnt by reading it once end to end: its SHA-256 (the ledger's key:
/// "this file is already loaded"), its length, its encoding, and an XxHash128 of the same bytes, against which a later
/// read of the file is checked (<see cref="VerifyingReadStream"/>).
/// </summary>
public sealed record SourceFile(string Path, string Sha256, long Length, TextEncodingGuess Encoding, UInt128 ContentHash)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// What the bytes say about the text encoding: a byte order mark (UTF-8, or UTF-16 as Excel's "Unicode Text" writes
/// it), valid UTF-8 without one, or neither (taken as Windows-1252).
/// </summary>
public enum TextEncodingGuess
{
    Utf8WithBom,
    Utf8,
    Windows1252,
    Utf16LittleEndian,
    Utf16BigEndian,
}
