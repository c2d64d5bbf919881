namespace StaffDataPipeline.ReferenceData;

/// <summary>A reference data file is wrong; the message names the file and line so the workforce team can fix it.</summary>
public sealed class ReferenceDataException : Exception
{
    public ReferenceDataException(string file, int line, string message)
        : base(line > 0 ? $"{file}, line {line}: {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }

    public ReferenceDataException()
    {
    }

    public ReferenceDataException(string message)
        : base(message)
    {
    }

    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? File { get; }

    public int Line { get; }
}
