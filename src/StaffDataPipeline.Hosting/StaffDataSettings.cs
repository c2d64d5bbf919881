namespace StaffDataPipeline.Hosting;

/// <summary>Warehouse:* settings.</summary>
public sealed class WarehouseSettings
{
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite warehouse file, relative to the current directory unless absolute.</summary>
    public string SqlitePath { get; set; } = "staffdata.db";

    /// <summary>SQL Server connection string (Provider=SqlServer). Belongs in an environment variable or secret store; never printed.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>SQL Server: apply pending migrations at start-up; false where a DBA deploys the schema script.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>SQL Server: retries of an operation that failed with a transient error.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>SQL Server: longest wait for the commit, file and migration locks before the load fails (and is retried later).</summary>
    public int LockTimeoutSeconds { get; set; } = 300;

    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);

    /// <summary>How long a load waits for another process's write lock on the SQLite file before the file fails as busy.</summary>
    public double BusyTimeoutSeconds { get; set; } = 60;
}

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
