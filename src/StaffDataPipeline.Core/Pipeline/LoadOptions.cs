namespace StaffDataPipeline.Pipeline;

/// <summary>How loads behave. Defaults suit a nightly ESR load; <see cref="Validate"/> runs at start-up.</summary>
public sealed record LoadOptions
{
    /// <summary>Reject the whole file when more than this share of its in-scope rows fail validation.</summary>
    public double RejectThreshold { get; init; } = 0.05;

    /// <summary>Snapshot month for files whose rows and name do not say (from --snapshot).</summary>
    public DateOnly? Snapshot { get; init; }

    /// <summary>Force a text encoding ("utf-8", "windows-1252") instead of detecting it.</summary>
    public string? Encoding { get; init; }

    /// <summary>Encodings per source, by file-name pattern ("esr_record_level_*" → "windows-1252"); the first match wins over <see cref="Encoding"/>.</summary>
    public IReadOnlyDictionary<string, string> EncodingBySource { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Threads that read and normalise a CSV's rows at once (the file is still read once, in order, and its rows are
    /// stored in order); 0, the default, means one per core, and 1 normalises on the load's own thread.
    /// </summary>
    public int Parallelism { get; init; }

    /// <summary>The threads <see cref="Parallelism"/> asks for on this machine: never more than its cores, since more only add buffers.</summary>
    public int Threads => Math.Min(Parallelism > 0 ? Parallelism : Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Quarantined rows kept in detail per file; beyond this they are counted only.</summary>
    public int MaxRejectionDetails { get; init; } = 100_000;

    /// <summary>
    /// Hold a file (SUSPICIOUS_SHRINK) that would replace an organisation's month, or a return, with fewer than this share
    /// of the rows it supersedes: a filtered or truncated export, not a correction. 0 turns the guard off.
    /// </summary>
    public double ShrinkThreshold { get; init; } = 0.5;

    /// <summary>Load a file the volume guard would hold (from --accept-shrink, or the inbox's accept/ folder).</summary>
    public bool AcceptShrink { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ShrinkThreshold is < 0 or > 1 || double.IsNaN(ShrinkThreshold))
        {
            errors.Add($"Load:ShrinkThreshold must be between 0 and 1 (a share of the rows a file replaces, 0.5 = half; 0 turns the guard off); got {ShrinkThreshold}.");
        }

        if (RejectThreshold is < 0 or > 1 || double.IsNaN(RejectThreshold))
        {
            errors.Add($"Load:RejectThreshold must be between 0 and 1 (a share, 0.05 = 5%); got {RejectThreshold}.");
        }

        if (Parallelism < 0)
        {
            errors.Add($"Load:Parallelism must be 0 (one thread per core) or a positive number of threads; got {Parallelism}.");
        }

        if (MaxRejectionDetails < 0)
        {
            errors.Add("Load:MaxRejectionDetails must not be negative.");
        }

        if (Encoding is not null && !IsKnownEncoding(Encoding))
        {
            errors.Add($"Load:Encoding must be utf-8 or windows-1252; got '{Encoding}'.");
        }

        foreach (var (pattern, encoding) in EncodingBySource)
        {
            if (!IsKnownEncoding(encoding))
            {
                errors.Add($"Load:EncodingBySource:{pattern} must be utf-8 or windows-1252; got '{encoding}'.");
            }
        }

        return errors;
    }

    /// <summary>The encoding forced for a file, if any: a matching source pattern, else the global setting.</summary>
    public string? EncodingFor(string fileName) =>
        EncodingBySource.FirstOrDefault(p => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(p.Key, fileName, ignoreCase: true)).Value ?? Encoding;

    private static bool IsKnownEncoding(string name) => name.ToUpperInvariant() is "UTF-8" or "UTF8" or "WINDOWS-1252" or "CP1252";
}
