using System.Diagnostics;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Planning;

/// <summary>What a plan run did: its id, what it covered and how long it took.</summary>
public sealed record PlanStageResult(long RunId, PlanResult Result, int Units, int Lines, TimeSpan Elapsed)
{
    /// <summary>Where the time went: reading the warehouse, the model, recording the run.</summary>
    public (TimeSpan Read, TimeSpan Model, TimeSpan Record) Stages { get; init; }

    /// <summary>What the run read and what it recorded, so the planning pack is built without reading the warehouse twice.</summary>
    public PlanningInputs? Inputs { get; init; }

    public PlanRecord? Record { get; init; }
}

/// <summary>
/// The plan stage: reads the inputs from the warehouse (<see cref="IPlanningSource"/>), runs the model
/// (<see cref="SupplyPlanner"/>, the baseline scenario) and records the run (<see cref="IPlanRunStore"/>). No SQL here.
/// </summary>
public sealed class PlanStage(IPlanningSource source, IPlanRunStore store, PlanningAssumptions assumptions, RoleTaxonomy taxonomy, PlanningGeography geography, TimeProvider time)
{
    /// <summary>The seed when the caller gives none: fixed, so that two runs on the same data give the same figures.</summary>
    public const ulong DefaultSeed = 20240401;

    /// <summary>Null when the warehouse holds no staff in post to plan from.</summary>
    public async Task<PlanStageResult?> RunAsync(int? runs, ulong? seed, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var ranAt = time.GetUtcNow();
        var inputs = await source.ReadAsync(new TraineeRoutes(assumptions.Routes), cancellationToken);
        if (inputs is null)
        {
            return null;
        }

        var read = time.GetElapsedTime(started);
        var result = new SupplyPlanner(assumptions, taxonomy, geography).Project(inputs, runs, seed ?? DefaultSeed);
        var model = time.GetElapsedTime(started) - read;
        var record = new PlanRecord(ranAt, result, ObservedMonths(inputs), UnitsOf(inputs));
        var runId = await store.RecordAsync(record, cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        var units = result.Lines.Select(l => l.Unit).Distinct().Count();
        return new PlanStageResult(runId, result, units, result.Lines.Count, elapsed) { Stages = (read, model, elapsed - read - model), Inputs = inputs, Record = record };
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
