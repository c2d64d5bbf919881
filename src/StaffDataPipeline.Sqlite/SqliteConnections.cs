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
        DefaultTimeout = 30,
    }.ToString();

    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(ConnectionString(databasePath));
        connection.Open();
        using var pragma = connection.CreateCommand();

        // WAL lets analysts query while a load runs; NORMAL sync is durable at every commit in WAL mode.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
