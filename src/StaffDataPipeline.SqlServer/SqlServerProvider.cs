using Microsoft.Data.SqlClient;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>Warehouse:Provider = SqlServer: a shared database several loaders (and service nodes) write at once.</summary>
public sealed class SqlServerProvider : WarehouseProvider
{
    public override string Name => "SqlServer";

    public override string DatabaseMeaning => "the database on the server of Warehouse:ConnectionString (its Initial Catalog)";

    public override ConfiguredWarehouse Configure(IWarehouseSettings settings)
    {
        var s = settings.Bind<SqlServerSettings>();
        var options = new SqlServerWarehouseOptions
        {
            ConnectionString = WithDatabase(s.ConnectionString, s.Database),
            ApplyMigrations = s.ApplyMigrations,
            MaxRetryAttempts = s.MaxRetryAttempts,
            LockTimeoutSeconds = s.LockTimeoutSeconds,
        };
        var errors = options.Validate();
        return new ConfiguredWarehouse(errors.Count > 0 ? "SQL Server" : options.ConnectionDescription, services => services.AddSqlServerWarehouse(options))
        {
            Errors = errors,
            ConcurrentLoads = true,
            JobStore = new SharedJobStore(Name, options.ConnectionString, options.ApplyMigrations),
        };
    }

    public override string? SchemaScript() => SqlServerMigrations.IdempotentScript();

    // --database names the database on the configured server; a connection string that does not parse is left for Validate to report.
    private static string WithDatabase(string connectionString, string? database)
    {
        if (string.IsNullOrWhiteSpace(database) || string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        try
        {
            return new SqlConnectionStringBuilder(connectionString) { InitialCatalog = database }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }

    /// <summary>Warehouse:* settings SQL Server reads.</summary>
    public sealed class SqlServerSettings
    {
        /// <summary>Any SqlClient connection string. Belongs in an environment variable or secret store; never printed.</summary>
        public string ConnectionString { get; set; } = string.Empty;

        /// <summary>From --database: the database on the connection string's server, in place of its Initial Catalog.</summary>
        public string? Database { get; set; }

        /// <summary>Apply pending migrations at start-up; false where a DBA deploys the schema script.</summary>
        public bool ApplyMigrations { get; set; } = true;

        /// <summary>Retries of an operation that failed with a transient error.</summary>
        public int MaxRetryAttempts { get; set; } = 5;

        /// <summary>Longest wait for the commit, file and migration locks before the load fails (and is retried later).</summary>
        public int LockTimeoutSeconds { get; set; } = 300;
    }
}
