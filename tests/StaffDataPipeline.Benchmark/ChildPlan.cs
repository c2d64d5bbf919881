using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// `staffdata plan` end to end in a process of its own, composed as the command composes it (StaffDataServices):
/// the warehouse reads, the model with the default runs and seed, and the run recorded. Wall time includes starting
/// .NET; the peak working set is the plan's alone.
/// </summary>
internal static class ChildPlan
{
    public sealed record Result(double Seconds, double PeakMb, double Read, double Model, double Record, int Runs, int Lines, double CpuSeconds);

    public static Result Run(string db)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("--plan-in-process");
        start.ArgumentList.Add(db);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var parts = output.Split('\t');
        if (p.ExitCode != 0 || parts.Length != 7)
        {
            throw new InvalidOperationException($"the plan failed: {output}");
        }

        double D(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return new Result(wall, D(0), D(1), D(2), D(3), int.Parse(parts[4], CultureInfo.InvariantCulture), int.Parse(parts[5], CultureInfo.InvariantCulture), D(6));
    }

    /// <summary>The child's side: plans, then prints peak MB, the three stages' seconds, runs, lines and the process's CPU seconds, tab-separated.</summary>
    public static async Task<int> RunInProcessAsync(string db)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:SqlitePath"] = db,
            ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        await using var services = StaffDataServices.Build(configuration);
        await services.GetRequiredService<IWarehouse>().MigrateAsync(CancellationToken.None);
        var outcome = await services.GetRequiredService<PlanStage>().RunAsync(null, null, CancellationToken.None)
            ?? throw new InvalidOperationException("the warehouse holds no staff in post");
        using var self = Process.GetCurrentProcess();
        var (read, model, record) = outcome.Stages;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{self.PeakWorkingSet64 / 1e6:F0}\t{read.TotalSeconds:F2}\t{model.TotalSeconds:F2}\t{record.TotalSeconds:F2}\t{outcome.Result.Runs}\t{outcome.Lines}\t{self.TotalProcessorTime.TotalSeconds:F2}"));
        return 0;
    }
}
