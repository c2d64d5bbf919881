namespace StaffDataPipeline.Hosting;

/// <summary>ReferenceData:* settings.</summary>
public sealed class ReferenceDataSettings
{
    /// <summary>Folder of the reference data CSV files; blank means the copy shipped next to the program.</summary>
    public string Path { get; set; } = string.Empty;

    public string Resolve() => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "reference-data") : Path;
}

/// <summary>Pseudonymisation:* settings. Key is base64 and belongs in an environment variable or secret store, never in a file in git.</summary>
public sealed class PseudonymisationSettings
{
    public string Key { get; set; } = string.Empty;

    public string KeyFile { get; set; } = string.Empty;
}

/// <summary>Load:* settings.</summary>
public sealed class LoadSettings
{
    public double RejectThreshold { get; set; } = 0.05;

    /// <summary>Threads that normalise a CSV's rows at once; 0 means one per core.</summary>
    public int Parallelism { get; set; }

    /// <summary>Hold a file with under this share of the rows it would supersede (SUSPICIOUS_SHRINK); 0 turns the guard off.</summary>
    public double ShrinkThreshold { get; set; } = 0.5;

    /// <summary>Set by --accept-shrink for one run, not in a settings file.</summary>
    public bool AcceptShrink { get; set; }

    public string Encoding { get; set; } = string.Empty;

    /// <summary>File-name pattern → encoding, for sources known to export Windows-1252 (or UTF-8 without a BOM).</summary>
    public Dictionary<string, string> EncodingBySource { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Surveys:* settings for spreadsheet returns.</summary>
public sealed class SurveySettings
{
    public bool AllowMacros { get; set; }

    public long MaxFileBytes { get; set; } = 25_000_000;
}
