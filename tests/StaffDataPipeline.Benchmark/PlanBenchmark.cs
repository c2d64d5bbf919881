using System.Diagnostics;
using System.Globalization;
using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Planning;
using StaffDataPipeline.SampleGenerator.Planning;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// The plan model alone at national size: a generated national history of about 20,000 people in post (NationalHistory at
/// scale 2.8, 70 organisations), the inputs the warehouse would hand the plan (stock, three 12-month windows of flows,
/// trainees, starters, stated demand), and 1,000 Monte Carlo runs of every unit. Prints time and memory; asserts nothing.
///   dotnet run -c Release --project tests/StaffDataPipeline.Benchmark -- --plan [runs=1000] [--pack]
/// With --pack it also times building the planning pack's content from the run (as three scenarios).
/// </summary>
internal static class PlanBenchmark
{
    public static int Run(string[] args)
    {
        var runs = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
        var reference = ReferenceDataLoader.Load(ReferenceFolder());
        var history = NationalHistory.Generate(scale: 2.8, organisationsPerRegion: 10, years: 4);
        var inputs = history.InputsAt(3, flowYears: 3);
        var people = history.Years[3].Length;
        var organisations = history.Organisations;
        history = null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var planner = new SupplyPlanner(reference.PlanningAssumptions with { Routes = NationalHistory.Routes }, reference.Taxonomy, new PlanningGeography(organisations));
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before;
        using var cancel = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!cancel.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10).ConfigureAwait(false);
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = planner.Project(inputs, runs, seed: 1);
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cancel.Cancel();
        sampler.Wait();
        process.Refresh();

        Console.WriteLine($"StaffDataPipeline plan benchmark: {Environment.ProcessorCount} cores, {Memory.Total()}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine("| people in post | stock cells | flow cells | units | runs | lines | plan s | allocated MB | RSS before MB | peak RSS during plan MB | process peak RSS MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var units = result.Lines.Select(l => l.Unit).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {people:N0} | {inputs.Stock.Count:N0} | {inputs.Flows.Count:N0} | {units} | {runs:N0} | {result.Lines.Count:N0} | {clock.Elapsed.TotalSeconds:N1} | {allocated / 1e6:N0} | {before / 1e6:N0} | {peak / 1e6:N0} | {process.PeakWorkingSet64 / 1e6:N0} |"));
        if (args.Contains("--pack"))
        {
            PackBuild(reference, organisations, inputs, result);
        }

        return 0;
    }

    private static readonly string[] Scenarios = ["baseline", "more-stp", "ageing"];

    /// <summary>The planning pack's content from the run as three scenarios (the figures repeated; the builder's cost is what is timed).</summary>
    private static void PackBuild(StaffDataPipeline.ReferenceData.ReferenceDataSet reference, IReadOnlyList<StaffDataPipeline.Organisations.Organisation> organisations, PlanningInputs inputs, PlanResult result)
    {
        var geography = new PlanningGeography(organisations);
        var byUnit = new Dictionary<PlanningUnit, IReadOnlyList<string>> { [PlanningUnit.England] = [.. organisations.Select(o => o.Code)] };
        foreach (var group in organisations.SelectMany(o => geography.UnitsOf(o.Code) is var (region, glh) ? new[] { (region, o.Code), (glh, o.Code) } : []).GroupBy(p => p.Item1))
        {
            byUnit[group.Key] = [.. group.Select(p => p.Code)];
        }

        var months = inputs.Flows.GroupBy(f => f.OrganisationCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => 36, StringComparer.Ordinal);
        var runs = Scenarios.Select(s => new PlanRecord(DateTimeOffset.UnixEpoch, result with { Scenario = s }, months, byUnit)).ToList();
        var facts = new StaffDataPipeline.Planning.Pack.PackFacts(
            [.. organisations.Select((o, i) => new StaffDataPipeline.Planning.Pack.EsrCoverage(o.Code, o.Name, 48, inputs.DataAsOf.AddYears(-4), inputs.DataAsOf, 48, i))],
            [.. organisations.Select((o, i) => new StaffDataPipeline.Planning.Pack.ReturnCoverage(o.Code, o.Name, "Rare disease", "2024-25 Q2", inputs.DataAsOf, i))],
            [.. inputs.Demand.Select(d => new StaffDataPipeline.Planning.Pack.ReturnWorkforce(d.OrganisationCode, d.RoleCode, d.EstablishmentFte * 0.9, d.EstablishmentFte, d.EstablishmentFte * 0.1))]);
        var clock = Stopwatch.StartNew();
        var pack = new StaffDataPipeline.Planning.Pack.PlanningPackBuilder(reference.PlanningAssumptions with { Routes = NationalHistory.Routes }, reference.Taxonomy, geography).Build(runs, inputs, facts);
        clock.Stop();
        var blocks = pack.Sheets.Sum(s => s.Blocks.Count);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Planning pack content, 3 scenarios: {pack.Sheets.Count} sheets, {blocks:N0} blocks, {pack.Sheets.Sum(s => s.Blocks.OfType<StaffDataPipeline.Planning.Pack.PackChart>().Count()):N0} charts in {clock.Elapsed.TotalSeconds:N2} s."));
    }

    private static string ReferenceFolder()
    {
        var next = Path.Combine(AppContext.BaseDirectory, "reference-data");
        if (Directory.Exists(next))
        {
            return next;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "reference-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The reference-data folder was not found next to the benchmark or in a parent's src folder.");
    }
}
