namespace StaffDataPipeline.Extraction;

/// <summary>An extraction that can say what each column was called in the file, so reports use the file's own words.</summary>
public interface IHasHeaderNames
{
    IReadOnlyList<string> HeaderNames { get; }
}
