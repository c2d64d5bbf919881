namespace StaffDataPipeline.Extraction;

/// <summary>
/// A source format that can say what it saw in a file it did not recognise (its delimiter, its encoding, its width),
/// so that the refusal tells the sender what to change rather than only "check it is the right file".
/// </summary>
public interface IExplainsRefusal
{
    /// <summary>
    /// What was seen and what to do, as a clause ("read as UTF-8, its first line is one column: the delimiter looks
    /// like ':'…"), or null when the file is plainly not this format's. Never a value from the file.
    /// </summary>
    string? Explain(SourceFile file);
}
