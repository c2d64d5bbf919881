using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Service;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>
/// The real service (Kestrel on a free loopback port, a Hangfire server with in-memory storage, the folder watcher)
/// over a SQLite warehouse in a test folder, with settle and scan times short enough for tests.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app, string root)
    {
        _app = app;
        Root = root;
    }

    public string Root { get; }

    public string Inbox => Path.Combine(Root, "inbox");

    public string Database => Path.Combine(Root, "warehouse.db");

    public string Address => _app.Urls.First();

    public static Dictionary<string, string?> Settings(string root) => new()
    {
        ["Warehouse:SqlitePath"] = Path.Combine(root, "warehouse.db"),
        ["ReferenceData:Path"] = Repository.ReferenceData,
        ["Pseudonymisation:Key"] = CliRunner.TestKey,
        ["Serve:Urls"] = "http://127.0.0.1:0",
        ["Serve:SchedulePollingSeconds"] = "0.2",
        ["Serve:ShutdownSeconds"] = "10",
        ["Watch:Path"] = Path.Combine(root, "inbox"),
        ["Watch:SettleSeconds"] = "0.5",
        ["Watch:ScanSeconds"] = "0.5",
        ["Watch:IncompleteWaitSeconds"] = "2", // a test file written without a last line end is taken after 2 s, not 5 min
        ["Watch:RetryDelaysSeconds:0"] = "0.5",
        ["Schedule:Outbox"] = Path.Combine(root, "outbox"),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static async Task<RunningService> StartAsync(string root, IDictionary<string, string?>? overrides = null)
    {
        var settings = Settings(root);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = ServiceHost.Build(configuration);
        await ServiceHost.StartAsync(app);
        return new RunningService(app, root);
    }

    /// <summary>Hangfire's own count of jobs that ran to completion: one per file means no burst enqueued a file twice.</summary>
    /// <summary>What a test that timed out should say: where the files are, what the warehouse and Hangfire hold.</summary>
    public string Describe()
    {
        var monitoring = _app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var inbox = Directory.Exists(Inbox) ? Directory.GetFiles(Inbox).Length : 0;
        var batches = File.Exists(Database) ? Scalar("SELECT COUNT(*) FROM load_batch") : 0;
        return $"inbox {inbox} files, processed {Files(Path.Combine(Inbox, "processed")).Length}, rejected {Files(Path.Combine(Inbox, "rejected")).Length}; " +
               $"{batches} batches; Hangfire: {monitoring.EnqueuedCount(StaffDataPipeline.Service.Jobs.JobQueues.Loads)} enqueued, {monitoring.ProcessingCount()} processing, " +
               $"{monitoring.ScheduledCount()} scheduled, {monitoring.SucceededListCount()} succeeded, {monitoring.FailedCount()} failed.";
    }

    public long SucceededJobs => _app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().SucceededListCount();

    /// <summary>What Hangfire's monitoring API (the dashboard's source) reports about the jobs.</summary>
    public Hangfire.Storage.IMonitoringApi Monitoring => _app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static long Scalar(string database, string sql) => SqliteFile.Scalar<long>(database, sql);

    public long Scalar(string sql) => Scalar(Database, sql);

    public static string[] Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.{(state is null ? string.Empty : " " + state())}");
            }

            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A small ESR export for one organisation and month, two genomics posts; distinct content for each (organisation, month, seed).</summary>
    public static string EsrExport(string organisation, DateOnly month, int seed, int rows = 2)
    {
        var text = new StringBuilder("Employee Number,Assignment Number,Organisation Code,Position Title,Staff Group,Pay Band,Assignment Status,FTE,Date of Birth,Effective Date\n");
        var end = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        for (var i = 0; i < rows; i++)
        {
            var person = (seed * 1000) + i;
            var title = i % 2 == 0 ? "Genetic Counsellor" : "Clinical Scientist (Genomics)";
            text.Append(CultureInfo.InvariantCulture, $"{person},{person}-1,{organisation},{title},Healthcare Scientists,Band 7,Active Assignment,1.0,01/01/1980,{end:dd/MM/yyyy}\n");
        }

        return text.ToString();
    }
}
