using DbUp;
using Microsoft.Extensions.Logging;

namespace StaffDataPipeline.Sqlite;

/// <summary>Applies sql/sqlite/*.sql (embedded) with DbUp, which records each script it ran in its journal table.</summary>
internal static class SqliteMigrations
{
    public static void Apply(string databasePath, ILogger logger)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var upgrade = DeployChanges.To
            .SqliteDatabase(SqliteConnections.ConnectionString(databasePath))
            .WithScriptsEmbeddedInAssembly(typeof(SqliteMigrations).Assembly, name => name.StartsWith("Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(logger)
            .Build();
        if (!upgrade.IsUpgradeRequired())
        {
            return;
        }

        var result = upgrade.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migrating the warehouse failed in script {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
    }
}
