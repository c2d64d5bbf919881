using Microsoft.Data.SqlClient;
using Polly;
using Polly.Retry;

namespace StaffDataPipeline.SqlServer;

/// <summary>Connections, the retry pipeline, and the redacted description of a connection string.</summary>
internal static class SqlServerConnections
{
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            return $"SQL Server {builder.DataSource}, database {(string.IsNullOrEmpty(builder.InitialCatalog) ? "(default)" : builder.InitialCatalog)}";
        }
        catch (ArgumentException)
        {
            return "SQL Server (connection string not shown)";
        }
    }

    public static async Task<SqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Retries an operation on transient errors with exponential backoff and jitter; anything else passes through.</summary>
    public static ResiliencePipeline Retry(SqlServerWarehouseOptions options, TimeProvider time) => options.MaxRetryAttempts == 0
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(SqlTransientErrors.IsTransient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
                MaxRetryAttempts = options.MaxRetryAttempts,
            })
            .Build();
}
