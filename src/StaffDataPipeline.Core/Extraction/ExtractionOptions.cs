using System.Text;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Extraction;

/// <summary>What an extractor needs from the outside world.</summary>
public sealed record ExtractionOptions(HeaderAliases Aliases)
{
    /// <summary>Overrides encoding detection for a source known to be, say, Windows-1252.</summary>
    public Encoding? Encoding { get; init; }
}
