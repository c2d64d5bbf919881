namespace StaffDataPipeline.SqlServer;

/// <summary>How the SQL Server warehouse behaves. Defaults suit a nightly load; <see cref="Validate"/> runs at start-up.</summary>
public sealed record SqlServerWarehouseOptions
{
    /// <summary>
    /// Any SqlClient connection string: SQL logins, Windows-integrated (Integrated Security=SSPI) and Entra ID
    /// (Authentication=Active Directory …) alike. Never printed: messages use <see cref="ConnectionDescription"/>.
    /// </summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary>Apply pending migrations at start-up (DbUp). False where a DBA deploys the script: the loader then only checks the schema version.</summary>
    public bool ApplyMigrations { get; init; } = true;

    /// <summary>Retries of an operation that failed with a transient SQL Server error (deadlock, lock timeout, failover, broken connection).</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    /// <summary>First backoff delay; it doubles with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Rows per bulk-copy batch (each its own transaction). Below SQL Server's lock-escalation threshold (5,000 locks
    /// per statement), so staging one large file never escalates to a table lock on stage_fact that would block other
    /// loaders; what a failed file staged is deleted by its batch id. 0 streams a whole file as one batch.
    /// </summary>
    public int BulkCopyBatchSize { get; init; } = 4_000;

    /// <summary>
    /// Longest wait for an application lock (the commit lock, a file's lock, the migration lock). A load that cannot
    /// get it in time fails with a sentence and is retried later instead of waiting without end.
    /// </summary>
    public int LockTimeoutSeconds { get; init; } = 300;

    /// <summary>Timeout of the set-based statements that commit a batch.</summary>
    public int CommandTimeoutSeconds { get; init; } = 600;

    /// <summary>A running batch whose owner has not written a heartbeat for this long is taken for dead (its host may have crashed).</summary>
    public TimeSpan HeartbeatStaleAfter { get; init; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("Warehouse:ConnectionString must be set when Warehouse:Provider is SqlServer (STAFFDATA__WAREHOUSE__CONNECTIONSTRING).");
        }
        else
        {
            try
            {
                _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString);
            }
            catch (ArgumentException)
            {
                errors.Add("Warehouse:ConnectionString is not a valid SQL Server connection string (its value is not shown, as it may hold a password).");
            }
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            errors.Add($"Warehouse:MaxRetryAttempts must be between 0 and 20; got {MaxRetryAttempts}.");
        }

        if (BulkCopyBatchSize is < 0 or > 1_000_000)
        {
            errors.Add($"Warehouse:BulkCopyBatchSize must be 0 (one batch) or up to 1,000,000; got {BulkCopyBatchSize}.");
        }

        if (LockTimeoutSeconds is < 1 or > 3600)
        {
            errors.Add($"Warehouse:LockTimeoutSeconds must be between 1 and 3600; got {LockTimeoutSeconds}.");
        }

        return errors;
    }

    /// <summary>Server and database, for messages: never the user, the password or a token.</summary>
    public string ConnectionDescription => SqlServerConnections.Describe(ConnectionString);
}
