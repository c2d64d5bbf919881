namespace StaffDataPipeline.Extraction;

/// <summary>
/// The file's bytes changed between being hashed and being parsed (still being copied, appended or replaced). The
/// batch fails rather than record facts under the hash of other bytes; loading it again when it is complete is safe.
/// </summary>
public sealed class SourceChangedException : Exception
{
    public SourceChangedException(string fileName)
        : base($"{fileName} changed while it was being loaded (it is still being written, or was replaced); none of its rows was loaded. Load it again when it is complete.")
    {
    }

    public SourceChangedException()
        : this("The file")
    {
    }

    public SourceChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
