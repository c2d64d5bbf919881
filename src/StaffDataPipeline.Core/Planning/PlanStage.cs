using System.Diagnostics;
using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Planning;

/// <summary>What a plan run did: its id, what it covered and how long it took.</summary>
public sealed record PlanStageResult(long RunId, PlanResult Result, int Units, int Lines, TimeSpan Elapsed)
{
    /// <summary>The run as the warehouse recorded it (what a planning pack is built from).</summary>
    public required PlanRecord Record { get; init; }

    /// <summary>Where the time went: reading the warehouse, the model, recording the run.</summary>
    public (TimeSpan Read, TimeSpan Model, TimeSpan Record) Stages { get; init; }

    /// <summary>What the run read (shared by the scenarios of one call), so the planning pack is built without reading the warehouse twice.</summary>
    public required PlanningInputs Inputs { get; init; }
}

/// <summary>
/// The plan stage: reads the inputs from the warehouse (<see cref="IPlanningSource"/>), runs the model
/// (<see cref="SupplyPlanner"/>, the baseline or the scenarios asked for) and records each run (<see cref="IPlanRunStore"/>). No SQL here.
/// </summary>
public sealed class PlanStage(IPlanningSource source, IPlanRunStore store, PlanningAssumptions assumptions, RoleTaxonomy taxonomy, PlanningGeography geography, TimeProvider time)
{
    /// <summary>The seed when the caller gives none: fixed, so that two runs on the same data give the same figures.</summary>
    public const ulong DefaultSeed = 20240401;

    /// <summary>The baseline. Null when the warehouse holds no staff in post to plan from.</summary>
    public async Task<PlanStageResult?> RunAsync(int? runs, ulong? seed, CancellationToken cancellationToken) =>
        (await RunScenariosAsync([SupplyPlanner.Baseline], runs, seed, cancellationToken))?.Single();

    /// <summary>
    /// Several scenarios on one read of the warehouse, with the same seed, each recorded as its own run (plan_run.scenario
    /// names it): the baseline first, always, then the others in the order given, each once. Null when the
    /// warehouse holds no staff in post to plan from.
    /// </summary>
    /// <exception cref="UnknownScenarioException">A name no scenario file defines, before anything is read; its message lists the scenarios.</exception>
    public async Task<IReadOnlyList<PlanStageResult>?> RunScenariosAsync(IReadOnlyList<string> scenarios, int? runs, ulong? seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        // The baseline always runs, first: a scenario is read against it, and the views read the latest baseline run.
        var names = scenarios.Prepend(SupplyPlanner.Baseline).Distinct(StringComparer.Ordinal).ToList();
        var chosen = names.Select(assumptions.Scenario).ToList();

        var started = time.GetTimestamp();
        var inputs = await source.ReadAsync(new TraineeRoutes(assumptions.Routes), cancellationToken);
        if (inputs is null)
        {
            return null;
        }

        var read = time.GetElapsedTime(started);
        var results = new List<PlanStageResult>();
        var observed = ObservedMonths(inputs);
        var units = UnitsOf(inputs);
        foreach (var scenario in chosen)
        {
            var begun = time.GetTimestamp();
            var ranAt = time.GetUtcNow();
            var result = new SupplyPlanner(assumptions, taxonomy, geography).Project(inputs, scenario, runs, seed ?? DefaultSeed);
            var model = time.GetElapsedTime(begun);
            var record = new PlanRecord(ranAt, result, observed, units);
            var runId = await store.RecordAsync(record, cancellationToken);
            var elapsed = time.GetElapsedTime(begun);
            var count = result.Lines.Select(l => l.Unit).Distinct().Count();
            // The read is shared: the first run's time includes it, as a single run's always has.
            var shared = results.Count == 0 ? read : TimeSpan.Zero;
            results.Add(new PlanStageResult(runId, result, count, result.Lines.Count, elapsed + shared) { Stages = (shared, model, elapsed - model), Record = record, Inputs = inputs });
        }

        return results;
    }

    /// <summary>Months of flows each organisation's rates rest on: its windows added up.</summary>
    private static Dictionary<string, int> ObservedMonths(PlanningInputs inputs) =>
        inputs.Flows.GroupBy(f => f.OrganisationCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => (f.RoleCode, f.AgeBand)).Max(c => c.Sum(f => f.ObservedMonths)), StringComparer.OrdinalIgnoreCase);

    private Dictionary<PlanningUnit, IReadOnlyList<string>> UnitsOf(PlanningInputs inputs)
    {
        var organisations = inputs.Stock.Select(s => s.OrganisationCode).Concat(inputs.Trainees.Select(t => t.OrganisationCode)).Concat(inputs.Demand.Select(d => d.OrganisationCode))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var units = new Dictionary<PlanningUnit, IReadOnlyList<string>> { [PlanningUnit.England] = organisations };
        foreach (var group in organisations.SelectMany(o => geography.UnitsOf(o) is var (region, glh) ? new[] { (Unit: region, Organisation: o), (Unit: glh, Organisation: o) } : []).GroupBy(p => p.Unit))
        {
            units[group.Key] = [.. group.Select(p => p.Organisation)];
        }

        foreach (var organisation in organisations)
        {
            units[geography.OrganisationUnit(organisation)] = [organisation];
        }

        return units;
    }
}
