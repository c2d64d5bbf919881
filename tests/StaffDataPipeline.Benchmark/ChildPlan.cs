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
/// the warehouse reads, the model with the default runs and seed for the baseline and any scenarios, each run
/// recorded, and with a pack folder the planning pack written as a workbook and a page. Wall time includes starting
/// .NET; the peak working set is the plan's alone.
/// </summary>
internal static class ChildPlan
{
    public sealed record Result(double Seconds, double PeakMb, double Read, double Model, double Record, int Runs, int Lines, double CpuSeconds, double PackSeconds, long PackBytes);

    public static Result Run(string db, IReadOnlyList<string> scenarios, string? packFolder = null)
    {
        var (output, exitCode, wall) = ChildProcess.Run(["--plan-in-process", db, packFolder ?? "-", .. scenarios]);
        var parts = output.Split('\t');
        if (exitCode != 0 || parts.Length != 9)
        {
            throw new InvalidOperationException($"the plan failed: {output}");
        }

        double D(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return new Result(wall, D(0), D(1), D(2), D(3), int.Parse(parts[4], CultureInfo.InvariantCulture), int.Parse(parts[5], CultureInfo.InvariantCulture), D(6), D(7), long.Parse(parts[8], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The child's side: plans (and writes the pack), then prints peak MB, the three stages' seconds (summed over the
    /// scenarios), runs, lines, the process's CPU seconds, the pack's seconds and bytes, tab-separated.
    /// </summary>
    public static async Task<int> RunInProcessAsync(string db, string packFolder, IReadOnlyList<string> scenarios)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:SqlitePath"] = db,
            ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        await using var services = StaffDataServices.Build(configuration);
        await services.GetRequiredService<IWarehouse>().MigrateAsync(CancellationToken.None);
        var outcomes = await services.GetRequiredService<PlanStage>().RunScenariosAsync(scenarios, null, null, CancellationToken.None)
            ?? throw new InvalidOperationException("the warehouse holds no staff in post");
        var (packSeconds, packBytes) = (0.0, 0L);
        if (packFolder != "-")
        {
            var clock = Stopwatch.StartNew();
            Directory.CreateDirectory(packFolder);
            var written = await services.GetRequiredService<PlanningPackService>().WriteAsync(
                [.. outcomes.Select(o => o.Record)], outcomes[0].Inputs, [Path.Combine(packFolder, "pack.xlsx"), Path.Combine(packFolder, "pack.html")], CancellationToken.None);
            (packSeconds, packBytes) = (clock.Elapsed.TotalSeconds, written.Sum(w => w.Bytes));
        }

        using var self = Process.GetCurrentProcess();
        var read = outcomes.Sum(o => o.Stages.Read.TotalSeconds);
        var model = outcomes.Sum(o => o.Stages.Model.TotalSeconds);
        var record = outcomes.Sum(o => o.Stages.Record.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{self.PeakWorkingSet64 / 1e6:F0}\t{read:F2}\t{model:F2}\t{record:F2}\t{outcomes[0].Result.Runs}\t{outcomes.Sum(o => o.Lines)}\t{self.TotalProcessorTime.TotalSeconds:F2}\t{packSeconds:F2}\t{packBytes}"));
        return 0;
    }
}
