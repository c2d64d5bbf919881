namespace StaffDataPipeline.Extraction;

/// <summary>The file as a whole cannot be loaded; the message says why in words a workforce analyst can act on.</summary>
public sealed class FileRejectedException : Exception
{
    public FileRejectedException(string reasonCode, string message)
        : base(message) => ReasonCode = reasonCode;

    public FileRejectedException()
        : this("REJECTED", "The file was rejected.")
    {
    }

    public FileRejectedException(string message)
        : this("REJECTED", message)
    {
    }

    public FileRejectedException(string message, Exception inner)
        : base(message, inner) => ReasonCode = "REJECTED";

    public string ReasonCode { get; }
}
