using Microsoft.Data.SqlClient;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// Which SQL Server errors are worth retrying: the ones SqlClient's own configurable retry logic and Azure SQL guidance
/// list as transient. Anything else fails the file once with its reason.
/// </summary>
public static class SqlTransientErrors
{
    private static readonly HashSet<int> Numbers =
    [
        1205,   // deadlock victim
        1222,   // lock request timeout
        4060,   // cannot open database (failover, restore)
        4221,   // login to a read-secondary failed during redo
        40197,  // service error processing the request
        40501,  // service busy
        40613,  // database not available
        49918, 49919, 49920, // not enough resources / too many requests
        10928, 10929,        // resource limits
        233, 64,             // connection broken
        10053, 10054, 10060, // transport-level errors
        -2,                  // client timeout
    ];

    public static bool IsTransient(int errorNumber) => Numbers.Contains(errorNumber);

    public static bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => IsTransient(e.Number)),
        TimeoutException => true,
        _ => false,
    };
}
