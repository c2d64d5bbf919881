using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// SQLite allows one writer. When another process holds the write lock (a long load), taking it is retried with
/// exponential backoff and jitter until <see cref="MaxWait"/> has passed, then refused with a sentence saying so.
/// Each attempt also waits up to the connection's busy timeout inside SQLite itself.
/// </summary>
internal sealed class SqliteBusyRetry
{
    private const int Busy = 5;
    private const int Locked = 6;
    private readonly TimeProvider _time;
    private readonly string _databasePath;

    public SqliteBusyRetry(TimeSpan maxWait, TimeProvider time, string databasePath)
    {
        MaxWait = maxWait;
        _time = time;
        _databasePath = databasePath;
    }

    public TimeSpan MaxWait { get; }

    public static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is Busy or Locked;

    public T Execute<T>(Func<T> action)
    {
        var started = _time.GetTimestamp();
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SqliteException>(ex => IsBusy(ex) && _time.GetElapsedTime(started) < MaxWait),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(2),
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();
        try
        {
            return pipeline.Execute(action);
        }
        catch (SqliteException ex) when (IsBusy(ex))
        {
            throw new WarehouseUnavailableException(
                WarehouseUnavailableException.Busy,
                $"The warehouse {_databasePath} is busy: another process has held its write lock for more than {MaxWait.TotalSeconds:N0} s. Try again when that load has finished, or allow a longer wait (Warehouse:BusyTimeoutSeconds).",
                ex);
        }
    }

    public void Execute(Action action) => Execute(() =>
    {
        action();
        return 0;
    });
}
