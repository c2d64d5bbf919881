using Hangfire;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Polly;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Grades;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.SqlServer;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// The SQL Server adapter's fault paths that need no server (issue 23): what is retried and what is not, a writer
/// whose staging died of any exception still closes, a heartbeat that fails does not end the process, a value too
/// long for its column is refused with row and column (never the value), and the watched folder outlives an outage
/// of the job storage. Real SqlClient exceptions come from a port where nothing listens. With the service tests, one
/// at a time: Hangfire's log provider is process-wide, and a service that stopped leaves its disposed one behind.
/// </summary>
[Collection(StaffDataPipeline.Tests.Service.OneServiceAtATime.Name)]
public sealed class SqlServerFaultPathTests : IDisposable
{
    // Nothing listens on port 1: SqlClient fails at once with a real SqlException.
    private const string Nowhere = "Server=tcp:127.0.0.1,1;Database=staffdata;User ID=loader;Password=not-used;Connect Timeout=2;Encrypt=False;Pooling=False";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(-2)]    // the client's command timeout: the work is longer than allowed
    [InlineData(51001)] // an application lock not granted within Warehouse:LockTimeoutSeconds
    public void A_timeout_is_not_retried_at_once_but_counts_as_busy(int number)
    {
        Assert.False(SqlTransientErrors.IsTransient(number));
        Assert.True(SqlTransientErrors.IsTimeout(number));
    }

    [Fact]
    public void An_application_lock_chosen_as_deadlock_victim_is_retried_like_1205() =>
        Assert.True(SqlTransientErrors.IsTransient(51003));

    [Fact]
    public void A_lock_never_waits_for_ever()
    {
        Assert.Equal(300_000, SqlServerLocks.Milliseconds(new SqlServerWarehouseOptions()));
        Assert.Contains(new SqlServerWarehouseOptions { ConnectionString = "Server=x", LockTimeoutSeconds = 0 }.Validate(), e => e.Contains("LockTimeoutSeconds", StringComparison.Ordinal));
        Assert.DoesNotContain("@LockTimeout = -1", SqlServerStatements.CommitLock + SqlServerStatements.FileLock + SqlServerStatements.MigrationLock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_SqlException_from_an_unreachable_server_is_classified_by_its_numbers()
    {
        await using var connection = new SqlConnection(Nowhere);

        var ex = await Assert.ThrowsAsync<SqlException>(() => connection.OpenAsync());

        var numbers = ex.Errors.Cast<SqlError>().Select(e => e.Number).ToList();
        Assert.Equal(numbers.Any(SqlTransientErrors.IsTransient), SqlTransientErrors.IsTransient(ex));
        Assert.Equal(numbers.Any(n => SqlTransientErrors.IsTransient(n) || SqlTransientErrors.IsTimeout(n)), SqlTransientErrors.IsBusy(ex));
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_start_with_a_sentence_that_names_the_server_but_not_the_password()
    {
        var warehouse = new SqlServerWarehouse(new SqlServerWarehouseOptions { ConnectionString = Nowhere, MaxRetryAttempts = 0, ApplyMigrations = false }, Reference.Data);

        var ex = await Assert.ThrowsAsync<WarehouseUnavailableException>(() => warehouse.MigrateAsync(CancellationToken.None));

        Assert.Contains("127.0.0.1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-used", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_writer_whose_staging_died_of_an_InvalidOperationException_still_closes()
    {
        // An empty connection string makes SqlClient throw InvalidOperationException, as it does for a value too long
        // for its column or a pool timeout: staging dies of it. Disposing the writer must still try to fail the batch
        // and return, not rethrow and leave the batch 'running'.
        var writer = Writer(string.Empty);
        await WaitForStagingToDie(writer);

        var thrown = await Record.ExceptionAsync(async () => await writer.DisposeAsync());

        Assert.Null(thrown);
    }

    [Fact]
    public async Task A_heartbeat_that_cannot_reach_the_server_does_not_throw_on_the_timer_thread()
    {
        await using var dead = Writer(string.Empty);
        await using var unreachable = Writer(Nowhere);

        Assert.Null(Record.Exception(dead.Beat));
        Assert.Null(Record.Exception(unreachable.Beat));
    }

    [Fact]
    public async Task A_reference_value_too_long_for_its_column_refuses_the_file_naming_row_and_column_but_not_the_value()
    {
        await using var writer = Writer(Nowhere);
        var role = new string('R', 31);

        var ex = await Assert.ThrowsAsync<FileRejectedException>(async () => await writer.AddAsync(Fact(role), CancellationToken.None));

        Assert.Equal(StoredLengths.ReasonCode, ex.ReasonCode);
        Assert.Contains("Row 7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("role_code", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(role, ex.Message, StringComparison.Ordinal);
        Assert.Null(SqlServerBulk.TooLong(new StagedFact(1, Fact("GC"))));
    }

    [Fact]
    public void A_retried_begin_recognises_the_running_row_it_wrote_itself_and_nothing_else()
    {
        var start = new BatchStart("a.csv", new string('a', 64), "esr-csv", "v1", new DateTimeOffset(2024, 11, 15, 9, 0, 0, 123, TimeSpan.Zero));
        var owner = start.Owner;
        var mine = new SqlServerWarehouse.BatchRow(5, "running", owner.Host, owner.ProcessId, owner.ProcessStartedAt, null, start.StartedAt, "a.csv");

        Assert.True(mine.IsStartOf(start));
        Assert.False((mine with { StartedAt = start.StartedAt.AddSeconds(1) }).IsStartOf(start));
        Assert.False((mine with { Pid = owner.ProcessId + 1 }).IsStartOf(start));
        Assert.False((mine with { Status = "loaded" }).IsStartOf(start));
    }

    [Fact]
    public async Task The_watched_folder_outlives_an_outage_of_the_job_storage()
    {
        var inbox = Path.Combine(_dir.Path, "inbox");
        var settings = new WatchSettings { Path = inbox, SettleSeconds = 0.1, ScanSeconds = 0.2, IncompleteWaitSeconds = 0 };
        // Hangfire logs through a process-wide provider, which a service test that has stopped leaves disposed.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        var storage = new SqlServerStorage(Nowhere, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false });
        var logs = new ListLogger<InboxWatcher>();
        var queue = new InboxEnqueuer(storage, new BackgroundJobClient(storage), new ListLogger<InboxEnqueuer>());
        using var watcher = new InboxWatcher(settings, queue, TimeProvider.System, logs);
        await watcher.StartAsync(CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(inbox, "RGT_2023-09.csv"), "Employee Number,Organisation Code\n1,RGT\n");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!logs.Messages.Any(m => m.Contains("job storage cannot be reached", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !watcher.ExecuteTask!.IsCompleted)
        {
            await Task.Delay(100);
        }

        // Several scans fail meanwhile (every 0.2 s): the outage is logged once per kind of fault, not once per scan.
        await Task.Delay(2000);

        Assert.False(watcher.ExecuteTask!.IsCompleted, $"the watcher stopped: {watcher.ExecuteTask.Exception?.InnerException?.GetType().Name}");
        Assert.InRange(logs.Messages.Count(m => m.Contains("job storage cannot be reached", StringComparison.Ordinal)), 1, 2);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("queued again", StringComparison.Ordinal));
        await watcher.StopAsync(CancellationToken.None);
    }

    private static SqlServerBatchWriter Writer(string connectionString) => new(
        new SqlServerWarehouseOptions { ConnectionString = connectionString, MaxRetryAttempts = 0 },
        1,
        new BatchStart("a.csv", new string('a', 64), "esr-csv", "v1", DateTimeOffset.UtcNow),
        0,
        TimeProvider.System,
        ResiliencePipeline.Empty);

    /// <summary>Staging that died closes the writer's channel with its fault: the loader's next AddAsync says so.</summary>
    private static async Task WaitForStagingToDie(SqlServerBatchWriter writer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await writer.AddAsync(Fact("GC"), CancellationToken.None);
                await Task.Delay(20);
            }
            catch (System.Threading.Channels.ChannelClosedException closed)
            {
                Assert.IsType<InvalidOperationException>(closed.InnerException);
                return;
            }
        }

        Assert.Fail("staging did not fail");
    }

    private static StaffFact Fact(string roleCode)
    {
        var grade = new Grade("B7", "Band 7", "AfC", "7", 7);
        return new StaffFact(
            new DateOnly(2023, 9, 30),
            new Organisation("RGT", "Cambridge", "Trust", null, null, null),
            new RoleDecision(roleCode, "R1", grade),
            grade,
            new string('p', 32),
            new string('a', 32),
            1m,
            null,
            true,
            "30-34",
            new PostDescriptors("Genetic Counsellor", "Healthcare Scientists", "S1A", "Genomics", "Counsellor", "CC1", "Band 7"),
            7) { ServiceArea = new ServiceAreaDecision("RARE-DISEASE", "SA1") };
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
