using Microsoft.Data.SqlClient;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// Which SQL Server errors are worth retrying at once: the ones SqlClient's own configurable retry logic and Azure SQL
/// guidance list as transient, less timeouts. A timeout (the client's -2, or an application lock not granted in time)
/// means the work or the wait is longer than allowed: repeating it at once would hold the commit lock for the timeout
/// again and again (six tries of a ten-minute commit is an hour). Timeouts fail the file as busy, to be retried later.
/// </summary>
public static class SqlTransientErrors
{
    private static readonly HashSet<int> Numbers =
    [
        1205,   // deadlock victim
        1222,   // lock request timeout (SET LOCK_TIMEOUT): a short statement-level wait, not a long commit
        4060,   // cannot open database (failover, restore)
        4221,   // login to a read-secondary failed during redo
        40197,  // service error processing the request
        40501,  // service busy
        40613,  // database not available
        49918, 49919, 49920, // not enough resources / too many requests
        10928, 10929,        // resource limits
        233, 64,             // connection broken
        10053, 10054, 10060, // transport-level errors
        SqlServerLocks.DeadlockVictim, // an application lock's wait chosen as deadlock victim (like 1205)
    ];

    private static readonly HashSet<int> Timeouts = [-2, SqlServerLocks.TimedOut];

    public static bool IsTransient(int errorNumber) => Numbers.Contains(errorNumber);

    /// <summary>A timeout: not retried at once, but the warehouse is busy rather than broken.</summary>
    public static bool IsTimeout(int errorNumber) => Timeouts.Contains(errorNumber);

    public static bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => IsTransient(e.Number)),
        _ => false,
    };

    /// <summary>Transient or timed out: the file fails as WAREHOUSE_BUSY and is worth trying again later.</summary>
    public static bool IsBusy(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => IsTransient(e.Number) || IsTimeout(e.Number)),
        TimeoutException => true,
        _ => false,
    };
}
