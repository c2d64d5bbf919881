using System.Text;
using DbUp;
using Microsoft.Data.SqlClient;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// sql/sqlserver/*.sql (embedded), applied by DbUp with its journal in staffdata.SchemaVersions; or, for DBAs who
/// deploy by hand, printed as one idempotent script in which each migration is guarded by the journal.
/// </summary>
public static class SqlServerMigrations
{
    private const string Prefix = "Migrations.";

    public static IReadOnlyList<(string Name, string Sql)> Scripts() =>
        typeof(SqlServerMigrations).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, Read(n)))
            .ToList();

    /// <summary>
    /// Applies what the journal lacks, under a session application lock held for the whole upgrade: two nodes starting on
    /// a new version would otherwise both find a script missing and run it at once. The second waits, then finds the
    /// journal current. Needs DDL rights: a loader without them runs with Warehouse:ApplyMigrations=false.
    /// </summary>
    public static void Apply(SqlServerWarehouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var guard = new SqlConnection(options.ConnectionString);
        guard.Open();
        SqlServerLocks.Migration(guard, options);
        try
        {
            Upgrade(options.ConnectionString, guard);
        }
        finally
        {
            // Closing the session would release it too; releasing says so and returns the pooled connection clean.
            SqlServerLocks.ReleaseMigration(guard);
        }
    }

    private static void Upgrade(string connectionString, SqlConnection connection)
    {
        // DbUp keeps its journal in the staffdata schema, so the schema must exist before DbUp looks for the journal.
        using (var schema = new SqlCommand("IF SCHEMA_ID(N'staffdata') IS NULL EXEC (N'CREATE SCHEMA staffdata AUTHORIZATION dbo');", connection))
        {
            schema.ExecuteNonQuery();
        }

        var upgrade = DeployChanges.To
            .SqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqlServerMigrations).Assembly, name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .JournalToSqlTable("staffdata", "SchemaVersions")
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = upgrade.PerformUpgrade();
        if (!result.Successful)
        {
            throw new WarehouseUnavailableException(
                WarehouseUnavailableException.Unusable,
                $"Migrating the SQL Server warehouse failed in script {result.ErrorScript?.Name}: {result.Error.Message}",
                result.Error);
        }
    }

    /// <summary>Scripts not yet in the journal: with Warehouse:ApplyMigrations=false a behind schema stops the load.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(SqlConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var exists = new SqlCommand("SELECT OBJECT_ID(N'staffdata.SchemaVersions', N'U');", connection))
        {
            if (await exists.ExecuteScalarAsync(ct) is DBNull or null)
            {
                return Scripts().Select(s => s.Name).ToList();
            }
        }

        await using var command = new SqlCommand(SqlServerStatements.AppliedScripts, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied.Add(reader.GetString(0));
        }

        return Scripts().Select(s => s.Name).Where(n => !applied.Contains(n)).ToList();
    }

    /// <summary>
    /// The whole schema as one script a DBA can run, and run again: each migration runs only when the journal does not
    /// list it, and records itself in the journal (the same journal DbUp keeps).
    /// </summary>
    public static string IdempotentScript()
    {
        var script = new StringBuilder();
        script.AppendLine("-- StaffDataPipeline: SQL Server warehouse schema. Idempotent: safe to run again; each migration runs once.");
        script.AppendLine("SET ANSI_NULLS ON;");
        script.AppendLine("SET QUOTED_IDENTIFIER ON;");
        script.AppendLine("GO");
        script.AppendLine("IF SCHEMA_ID(N'staffdata') IS NULL EXEC (N'CREATE SCHEMA staffdata AUTHORIZATION dbo');");
        script.AppendLine("GO");
        script.AppendLine("IF OBJECT_ID(N'staffdata.SchemaVersions', N'U') IS NULL");
        script.AppendLine("    CREATE TABLE staffdata.SchemaVersions (Id int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_SchemaVersions_Id PRIMARY KEY, ScriptName nvarchar(255) NOT NULL, Applied datetime NOT NULL);");
        script.AppendLine("GO");
        foreach (var (name, sql) in Scripts())
        {
            var batches = SplitOnGo(sql);
            var guard = $"NOT EXISTS (SELECT 1 FROM staffdata.SchemaVersions WHERE ScriptName = N'{name}')";
            script.AppendLine($"-- {name}");
            foreach (var batch in batches)
            {
                // Each batch runs through sp_executesql so that CREATE VIEW and friends, which must start a batch, can be guarded.
                script.AppendLine($"IF {guard}");
                script.AppendLine($"    EXEC sp_executesql N'{batch.Replace("'", "''", StringComparison.Ordinal)}';");
                script.AppendLine("GO");
            }

            script.AppendLine($"IF {guard} INSERT INTO staffdata.SchemaVersions (ScriptName, Applied) VALUES (N'{name}', GETDATE());");
            script.AppendLine("GO");
        }

        return script.ToString();
    }

    internal static IReadOnlyList<string> SplitOnGo(string sql)
    {
        var batches = new List<string>();
        var current = new StringBuilder();
        foreach (var line in sql.Split('\n'))
        {
            if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
            }
            else
            {
                current.Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        Flush();
        return batches;

        void Flush()
        {
            var text = current.ToString().Trim();
            if (text.Split('\n').Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            {
                batches.Add(text);
            }

            current.Clear();
        }
    }

    private static string Read(string resource)
    {
        using var stream = typeof(SqlServerMigrations).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
