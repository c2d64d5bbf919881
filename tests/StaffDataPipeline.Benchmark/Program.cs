using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.SampleGenerator;

// Load benchmark: not a test. Prints its figures; README quotes them.
//   dotnet run -c Release --project tests/StaffDataPipeline.Benchmark -- [rows=1500000] [genomics share=0.01]
// It generates a national-scale NHS Digital style extract, times sqlite3's own `.import` of the same file (when the
// sqlite3 program is installed), then loads the file end to end in a child process so that peak memory is the load's own.
if (args.Length == 3 && args[0] == "--load-in-process")
{
    return await LoadInProcess(args[1], args[2]);
}

if (args.Length == 3 && args[0] == "--profile")
{
    foreach (var (stage, seconds) in await StaffDataPipeline.Benchmark.StageProfile.MeasureAsync(args[1], args[2]))
    {
        Console.WriteLine($"{stage,-45} {seconds,8:N2} s");
    }

    return 0;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_500_000;
var share = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.01;
var work = Path.Combine(Path.GetTempPath(), "staffdata-benchmark");
Directory.CreateDirectory(work);
Console.WriteLine($"StaffDataPipeline load benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| rows | file MB | genomics share | loader | wall s | rows/s | peak RSS MB |");
Console.WriteLine("|---:|---:|---:|---|---:|---:|---:|");
foreach (var n in new[] { rows / 5, rows }.Distinct())
{
    var file = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"national_{n}_{share:0.###}_202309.csv"));
    if (!File.Exists(file))
    {
        NationalExtract.Write(file, new NationalExtractOptions(n, share));
    }

    var mb = new FileInfo(file).Length / 1e6;
    if (Sqlite3Import(file, Path.Combine(work, "import.db")) is { } import)
    {
        Console.WriteLine($"| {n:N0} | {mb:N0} | {share:P0} | sqlite3 .import (default journal) | {import:N1} | {n / import:N0} | — |");
    }

    var (wall, peak, loaded) = LoadInChild(file, Path.Combine(work, "warehouse.db"));
    Console.WriteLine($"| {n:N0} | {mb:N0} | {share:P0} | staffdata load, end to end ({loaded:N0} facts stored) | {wall:N1} | {n / wall:N0} | {peak:N0} |");
}

return 0;

static double? Sqlite3Import(string file, string db)
{
    File.Delete(db);
    var start = new ProcessStartInfo("sqlite3") { RedirectStandardError = true, RedirectStandardOutput = true };
    start.ArgumentList.Add(db);
    start.ArgumentList.Add(".mode csv");
    start.ArgumentList.Add($".import {file} raw");
    try
    {
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        p.WaitForExit();
        return p.ExitCode == 0 ? clock.Elapsed.TotalSeconds : null;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        Console.WriteLine("(sqlite3 is not installed: `apt-get install sqlite3` to compare with its .import)");
        return null;
    }
    finally
    {
        File.Delete(db);
    }
}

static (double Wall, double PeakMb, long Loaded) LoadInChild(string file, string db)
{
    foreach (var f in Directory.GetFiles(Path.GetDirectoryName(db)!, Path.GetFileName(db) + "*"))
    {
        File.Delete(f);
    }

    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
    }

    start.ArgumentList.Add("--load-in-process");
    start.ArgumentList.Add(file);
    start.ArgumentList.Add(db);
    var clock = Stopwatch.StartNew();
    using var p = Process.Start(start)!;
    var output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    var wall = clock.Elapsed.TotalSeconds;
    var parts = output.Trim().Split(' ');
    if (p.ExitCode != 0 || parts.Length != 2)
    {
        throw new InvalidOperationException($"the load failed: {output}");
    }

    return (wall, double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
}

static async Task<int> LoadInProcess(string file, string db)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Warehouse:SqlitePath"] = db,
        ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
        ["Logging:LogLevel:Default"] = "Warning",
    }).Build();
    await using var services = StaffDataServices.Build(configuration);
    var report = (await services.GetRequiredService<LoadPipeline>().RunAsync([file], dryRun: false, null, CancellationToken.None)).Single();
    if (report.Status != FileLoadStatus.Loaded)
    {
        Console.WriteLine($"{report.Status}: {report.Message}");
        return 1;
    }

    Console.Error.WriteLine($"GC pause {GC.GetTotalPauseDuration().TotalMilliseconds} ms; gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}; allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB");
    var info = GC.GetGCMemoryInfo();
    Console.Error.WriteLine($"GC heap {info.HeapSizeBytes / 1e6:F0} MB, committed {info.TotalCommittedBytes / 1e6:F0} MB, sqlite highwater {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1e6:F0} MB");
    using var self = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{self.PeakWorkingSet64 / 1e6:F0} {report.Counts.Loaded}"));
    return 0;
}
