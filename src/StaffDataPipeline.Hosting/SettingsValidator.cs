namespace StaffDataPipeline.Hosting;

/// <summary>Checks the settings at start-up, so a wrong value stops the program before it touches a file.</summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> Validate(WarehouseSettings warehouse, ReferenceDataSettings reference, Pipeline.LoadOptions load)
    {
        var errors = new List<string>(load.Validate());
        if (warehouse.IsSqlServer)
        {
            errors.AddRange(SqlServerOptions(warehouse).Validate());
        }
        else if (!string.Equals(warehouse.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Warehouse:Provider '{warehouse.Provider}' is not available; this build supports: Sqlite, SqlServer.");
        }
        else if (string.IsNullOrWhiteSpace(warehouse.SqlitePath))
        {
            errors.Add("Warehouse:SqlitePath must name the warehouse file (for example staffdata.db).");
        }

        if (warehouse.BusyTimeoutSeconds is <= 0 or > 86_400 || double.IsNaN(warehouse.BusyTimeoutSeconds))
        {
            errors.Add($"Warehouse:BusyTimeoutSeconds must be between 0 and 86400 seconds; got {warehouse.BusyTimeoutSeconds}.");
        }

        if (!Directory.Exists(reference.Resolve()))
        {
            errors.Add($"ReferenceData:Path '{reference.Resolve()}' is not a folder.");
        }

        return errors;
    }

    public static SqlServer.SqlServerWarehouseOptions SqlServerOptions(WarehouseSettings warehouse) => new()
    {
        ConnectionString = warehouse.ConnectionString,
        ApplyMigrations = warehouse.ApplyMigrations,
        MaxRetryAttempts = warehouse.MaxRetryAttempts,
        LockTimeoutSeconds = warehouse.LockTimeoutSeconds,
    };
}
