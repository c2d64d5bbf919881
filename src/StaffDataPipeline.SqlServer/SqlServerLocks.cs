using Dapper;
using Microsoft.Data.SqlClient;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// The application locks (commit, file, migration): each waits at most Warehouse:LockTimeoutSeconds and raises one of
/// the adapter's own errors when not granted, so a lock is never assumed held and never waited for without end. The
/// command may run a little longer than the lock wait, so that the server's answer, not the client's timeout, ends it.
/// </summary>
internal static class SqlServerLocks
{
    /// <summary>Not granted within the lock timeout: another load holds it. Not retried here; the file is retried later.</summary>
    public const int TimedOut = 51001;

    /// <summary>Cancelled or refused for another reason (a parameter or call error).</summary>
    public const int NotGranted = 51002;

    /// <summary>Chosen as a deadlock victim while waiting: transient, like error 1205.</summary>
    public const int DeadlockVictim = 51003;

    private const int Margin = 30;

    public static Task CommitAsync(SqlConnection connection, SqlTransaction tx, SqlServerWarehouseOptions options, CancellationToken ct) =>
        TakeAsync(connection, tx, SqlServerStatements.CommitLock, new { lockTimeoutMs = Milliseconds(options) }, options, ct);

    public static Task FileAsync(SqlConnection connection, SqlTransaction tx, string sha256, SqlServerWarehouseOptions options, CancellationToken ct) =>
        TakeAsync(connection, tx, SqlServerStatements.FileLock, new { resource = $"staffdata:file:{sha256}", lockTimeoutMs = Milliseconds(options) }, options, ct);

    public static void Migration(SqlConnection connection, SqlServerWarehouseOptions options)
    {
        using var command = new SqlCommand(SqlServerStatements.MigrationLock, connection) { CommandTimeout = options.LockTimeoutSeconds + Margin };
        command.Parameters.AddWithValue("@lockTimeoutMs", Milliseconds(options));
        command.ExecuteNonQuery();
    }

    public static void ReleaseMigration(SqlConnection connection)
    {
        using var command = new SqlCommand(SqlServerStatements.MigrationUnlock, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The lock wait in milliseconds, as sp_getapplock takes it (never -1, which waits for ever).</summary>
    public static int Milliseconds(SqlServerWarehouseOptions options) => checked(options.LockTimeoutSeconds * 1000);

    private static Task<int> TakeAsync(SqlConnection connection, SqlTransaction tx, string sql, object parameters, SqlServerWarehouseOptions options, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, options.LockTimeoutSeconds + Margin, cancellationToken: ct));
}
