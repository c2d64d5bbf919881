using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>Warehouse:Provider = Sqlite (the default): one file, nothing to install, one writer at a time.</summary>
public sealed class SqliteProvider : WarehouseProvider
{
    public override string Name => "Sqlite";

    public override string DatabaseMeaning => "the SQLite warehouse file (Warehouse:SqlitePath; default staffdata.db)";

    public override ConfiguredWarehouse Configure(IWarehouseSettings settings)
    {
        var s = settings.Bind<SqliteSettings>();
        var errors = new List<string>();

        // --database (Warehouse:Database) names the file; Warehouse:SqlitePath is the same setting under its older name.
        var file = string.IsNullOrWhiteSpace(s.Database) ? s.SqlitePath : s.Database;
        if (string.IsNullOrWhiteSpace(file))
        {
            errors.Add("Warehouse:SqlitePath must name the warehouse file (for example staffdata.db).");
        }

        if (s.BusyTimeoutSeconds is <= 0 or > 86_400 || double.IsNaN(s.BusyTimeoutSeconds))
        {
            errors.Add($"Warehouse:BusyTimeoutSeconds must be between 0 and 86400 seconds; got {s.BusyTimeoutSeconds}.");
        }

        if (errors.Count > 0)
        {
            return new ConfiguredWarehouse(file ?? string.Empty, _ => { }) { Errors = errors };
        }

        var path = Path.GetFullPath(file!);
        var busyWait = TimeSpan.FromSeconds(s.BusyTimeoutSeconds);
        return new ConfiguredWarehouse(path, services => services.AddSqliteWarehouse(path, busyWait));
    }

    /// <summary>Warehouse:* settings SQLite reads.</summary>
    public sealed class SqliteSettings
    {
        /// <summary>From --database: the warehouse file; wins over <see cref="SqlitePath"/>.</summary>
        public string? Database { get; set; }

        /// <summary>The SQLite warehouse file, relative to the current directory unless absolute.</summary>
        public string SqlitePath { get; set; } = "staffdata.db";

        /// <summary>How long a load waits for another process's write lock on the file before the file fails as busy.</summary>
        public double BusyTimeoutSeconds { get; set; } = 60;
    }
}
