using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// One load in a process of its own, composed exactly as `staffdata load` composes it (StaffDataServices), into a new
/// warehouse: wall time includes starting .NET, and the peak working set is the load's alone.
/// </summary>
internal static class ChildLoad
{
    /// <summary>A reference data folder for the child (the survey case's organisations); blank means the shipped one.</summary>
    private const string ReferenceVariable = "STAFFDATA_BENCHMARK_REFERENCE_DATA";

    public sealed record Result(double Seconds, double PeakMb, long Read, long Stored, string Outcome);

    public static Result Run(IReadOnlyList<string> paths, string db, string? referenceData = null)
    {
        Sqlite3Import.Delete(db);
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (referenceData is not null)
        {
            start.Environment[ReferenceVariable] = referenceData;
        }

        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("--load-in-process");
        start.ArgumentList.Add(db);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var parts = output.Split('\t');
        if (p.ExitCode != 0 || parts.Length != 4)
        {
            throw new InvalidOperationException($"the load failed: {output}");
        }

        return new Result(wall, double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
    }

    /// <summary>The child's side: loads, then prints peak MB, rows read, rows stored and the outcome, tab-separated.</summary>
    public static async Task<int> RunInProcessAsync(string db, string[] paths)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:SqlitePath"] = db,
            ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Warning",
            ["ReferenceData:Path"] = Environment.GetEnvironmentVariable(ReferenceVariable),
        }).Build();
        await using var services = StaffDataServices.Build(configuration);
        var reports = await services.GetRequiredService<LoadPipeline>().RunAsync(paths, dryRun: false, null, CancellationToken.None);
        var outcome = string.Join(", ", reports.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        if (reports.FirstOrDefault(r => r.Status is not FileLoadStatus.Loaded) is { } first)
        {
            outcome += $" (first: {first.ReasonCode} {first.Message})";
        }

        // Where the memory went, for README: the managed heap and SQLite's own allocations at their peak.
        var gc = GC.GetGCMemoryInfo();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GC heap {gc.HeapSizeBytes / 1e6:F0} MB (committed {gc.TotalCommittedBytes / 1e6:F0} MB), SQLite peak {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1e6:F0} MB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} GCs, {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated"));
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{self.PeakWorkingSet64 / 1e6:F0}\t{reports.Sum(r => r.Counts.Read)}\t{reports.Sum(r => r.Counts.Loaded)}\t{outcome.Replace('\t', ' ')}"));
        return reports.All(r => r.Status == FileLoadStatus.Loaded) ? 0 : 3;
    }
}
