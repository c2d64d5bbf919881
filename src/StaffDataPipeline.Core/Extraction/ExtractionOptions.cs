using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Extraction;

/// <summary>What an extractor needs from the outside world.</summary>
public sealed record ExtractionOptions(HeaderAliases Aliases)
{
    /// <summary>
    /// Overrides encoding detection for a source known to be, say, "windows-1252". A name, not an Encoding: turning it
    /// into one (and registering code pages) is the adapter's business.
    /// </summary>
    public string? EncodingName { get; init; }

    /// <summary>How many threads may map records at once (<see cref="IExtraction.Map{T}(Func{ISourceRecord, T})"/>); 1 maps them on the caller's thread.</summary>
    public int Parallelism { get; init; } = 1;
}
