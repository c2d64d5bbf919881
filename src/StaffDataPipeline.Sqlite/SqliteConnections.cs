using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>Opens connections to the warehouse file with the pragmas every connection needs.</summary>
internal static class SqliteConnections
{
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,

        // Microsoft.Data.Sqlite retries a busy statement for this long itself; the longer, configured wait is SqliteBusyRetry's.
        DefaultTimeout = 2,
    }.ToString();

    /// <summary>
    /// For questions that must not change anything (`validate`, lookups before a load): null when the file does not
    /// exist, so that asking never creates a database.
    /// </summary>
    public static SqliteConnection? OpenReadOnly(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 2 }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 2000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>True when the warehouse has the table (an older or empty file may not).</summary>
    public static bool HasTable(SqliteConnection connection, string table) =>
        Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }) > 0;

    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(ConnectionString(databasePath));
        connection.Open();
        using var pragma = connection.CreateCommand();

        // WAL lets analysts query while a load runs; NORMAL sync is durable at every commit in WAL mode. A busy
        // lock is waited for briefly here and then retried with backoff (SqliteBusyRetry) up to the configured wait.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
