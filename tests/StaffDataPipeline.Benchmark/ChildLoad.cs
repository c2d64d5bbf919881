using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.SqlServer.Diagnostics;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// One load in a process of its own, composed exactly as `staffdata load` composes it (StaffDataServices), into a new
/// warehouse: wall time includes starting .NET, and the peak working set is the load's alone.
/// </summary>
internal static class ChildLoad
{
    /// <summary>A reference data folder for the child (the survey case's organisations); blank means the shipped one.</summary>
    private const string ReferenceVariable = "STAFFDATA_BENCHMARK_REFERENCE_DATA";

    /// <summary>The SQL Server connection string for the child, in its environment rather than on its command line.</summary>
    private const string SqlServerVariable = "STAFFDATA_BENCHMARK_SQLSERVER";

    /// <param name="RefreshSeconds">The derived tables' refresh of the batch's months, timed again after the load (the
    /// load's own time includes it once; this second timing is not counted in <paramref name="Seconds"/>).</param>
    /// <param name="RoundTrips">On SQL Server, the commands SqlClient sent.</param>
    public sealed record Result(double Seconds, double PeakMb, long Read, long Stored, string Outcome, double RefreshSeconds, long RoundTrips);

    /// <param name="db">The SQLite file, or with <paramref name="sqlServer"/> the SQL Server connection string.</param>
    public static Result Run(IReadOnlyList<string> paths, string db, string? referenceData = null, bool sqlServer = false)
    {
        var environment = new Dictionary<string, string>();
        if (sqlServer)
        {
            environment[SqlServerVariable] = db;
            db = "-";
        }
        else
        {
            Sqlite3Import.Delete(db);
        }

        if (referenceData is not null)
        {
            environment[ReferenceVariable] = referenceData;
        }

        var (output, exitCode, wall) = ChildProcess.Run(["--load-in-process", db, .. paths], environment);
        var parts = output.Split('\t');
        if (exitCode != 0 || parts.Length != 7)
        {
            throw new InvalidOperationException($"the load failed: {output}");
        }

        double Number(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return new Result(wall - Number(5), Number(0), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), parts[3], Number(4), long.Parse(parts[6], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The child's side: loads, then prints peak MB, rows read, rows stored, the outcome, the derived refresh's seconds,
    /// the seconds spent after the load timing it, and the SQL Server round trips, tab-separated.
    /// </summary>
    public static async Task<int> RunInProcessAsync(string db, string[] paths)
    {
        var sqlServer = Environment.GetEnvironmentVariable(SqlServerVariable);
        using var commands = new SqlCommandCounter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = sqlServer is null ? "Sqlite" : "SqlServer",
            ["Warehouse:ConnectionString"] = sqlServer,
            ["Warehouse:SqlitePath"] = db,
            ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Warning",
            ["ReferenceData:Path"] = Environment.GetEnvironmentVariable(ReferenceVariable),

            // To compare thread counts on one machine (docs/benchmark.md); unset, the load's default (one per core).
            ["Load:Parallelism"] = Environment.GetEnvironmentVariable("STAFFDATA_BENCHMARK_PARALLELISM"),
        }).Build();
        BatchGarbageCollector.Use();
        await using var services = StaffDataServices.Build(configuration);
        using var run = LoadRun.Start(paths);
        var reports = await services.GetRequiredService<LoadPipeline>().RunAsync(run, dryRun: false, null, CancellationToken.None);
        var outcome = string.Join(", ", reports.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        if (reports.FirstOrDefault(r => r.Status is not FileLoadStatus.Loaded) is { } first)
        {
            outcome += $" (first: {first.ReasonCode} {first.Message})";
        }

        // Where the memory went, for README: the managed heap and SQLite's own allocations at their peak.
        var gc = GC.GetGCMemoryInfo();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GC heap {gc.HeapSizeBytes / 1e6:F0} MB (committed {gc.TotalCommittedBytes / 1e6:F0} MB), SQLite peak {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1e6:F0} MB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} GCs (paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s), {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s"));
        using var self = Process.GetCurrentProcess();
        var peak = self.PeakWorkingSet64;

        // The refresh of the derived tables again, on its own, in a transaction that is rolled back; its time is not the load's.
        var extra = Stopwatch.StartNew();
        var roundTrips = commands.Count;
        var refresh = sqlServer is null ? RefreshSeconds(db) : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{peak / 1e6:F0}\t{reports.Sum(r => r.Counts.Read)}\t{reports.Sum(r => r.Counts.Loaded)}\t{outcome.Replace('\t', ' ')}\t{refresh:F3}\t{extra.Elapsed.TotalSeconds:F3}\t{roundTrips}"));
        return reports.All(r => r.Status == FileLoadStatus.Loaded) ? 0 : 3;
    }

    private static double RefreshSeconds(string db)
    {
        using var connection = Sqlite.SqliteConnections.Open(db);
        using var tx = connection.BeginTransaction();
        var touched = Dapper.SqlMapper.Query<(long, int)>(connection, "SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post", transaction: tx).ToList();
        var clock = Stopwatch.StartNew();
        Sqlite.SqliteDerivedTables.Refresh(connection, tx, touched);
        var seconds = clock.Elapsed.TotalSeconds;
        tx.Rollback();
        return seconds;
    }
}
