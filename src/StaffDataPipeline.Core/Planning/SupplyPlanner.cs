using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Planning;

/// <summary>
/// The plan stage: projects supply for England, each region, each GLH and each organisation large enough, by role and
/// role family, years 0 to the horizon, beside stated demand, with the commissions that would close the gap. Either
/// the expected projection (<see cref="ProjectExpected"/>, the means of every event: what a planner checks by hand) or a
/// seeded Monte Carlo (<see cref="Project"/>): same inputs, assumptions and seed give the same figures, whatever the
/// number of cores.
/// </summary>
public sealed class SupplyPlanner(PlanningAssumptions assumptions, RoleTaxonomy taxonomy, PlanningGeography geography)
{
    public const string Baseline = "baseline";

    /// <summary>The Monte Carlo: P10, P50 and P90 of every figure over <paramref name="runs"/> runs.</summary>
    /// <param name="commissions">National commissions a year by route code (replacing the baseline).</param>
    public PlanResult Project(PlanningInputs inputs, int? runs = null, ulong seed = 1, string scenario = Baseline, IReadOnlyDictionary<string, double>? commissions = null) =>
        Plan(inputs, runs ?? assumptions.Runs, seed, PlanScenario.Baseline with { Name = scenario }, commissions, expected: false);

    /// <summary>The Monte Carlo of a scenario (its overrides of the baseline assumptions).</summary>
    public PlanResult Project(PlanningInputs inputs, PlanScenario scenario, int? runs = null, ulong seed = 1) =>
        Plan(inputs, runs ?? assumptions.Runs, seed, scenario, null, expected: false);

    /// <summary>The expected projection: one run in which every event happens at its mean.</summary>
    public PlanResult ProjectExpected(PlanningInputs inputs, string scenario = Baseline, IReadOnlyDictionary<string, double>? commissions = null) =>
        Plan(inputs, 1, 0, PlanScenario.Baseline with { Name = scenario }, commissions, expected: true);

    /// <summary>The expected projection of a scenario.</summary>
    public PlanResult ProjectExpected(PlanningInputs inputs, PlanScenario scenario) =>
        Plan(inputs, 1, 0, scenario, null, expected: true);

    private PlanResult Plan(PlanningInputs inputs, int runs, ulong seed, PlanScenario scenario, IReadOnlyDictionary<string, double>? commissions, bool expected)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var rates = RateModel.Estimate(inputs.Flows, assumptions, inputs.Moves);
        var national = NationalFactsOf(inputs);
        var overrides = commissions ?? new Dictionary<string, double>();
        var lines = new List<PlanLine>();
        var needed = new List<CommissionLine>();
        var register = new List<LeaverRateEstimate>();
        var suppressed = new List<SuppressedLine>();
        var areaLines = new List<ServiceAreaLine>();
        var effects = new ScenarioEffects(scenario, inputs.DataAsOf, assumptions.Horizon);
        var byOrganisation = new InputsByOrganisation(inputs);
        foreach (var (unit, organisations) in Units(inputs))
        {
            var model = UnitModel.Build(unit, byOrganisation.DataOf(organisations), rates, assumptions, FamilyOf, national, overrides, effects);
            if (unit.Level == UnitLevel.Organisation)
            {
                suppressed.AddRange(model.Lines.Where(l => !l.Shown && l.HeadsToday > 0).Select(l => new SuppressedLine(unit, l.Role, l.HeadsToday, assumptions.OrganisationThresholdHeads)));
                if (!model.Lines.Any(l => l.Shown))
                {
                    continue;
                }
            }

            register.AddRange(Register(model));
            UnitProjection.Simulate(model, runs, seed, expected, lines, needed, areaLines);
        }

        return new PlanResult(inputs.DataAsOf, scenario.AssumptionsVersion(assumptions.Version), scenario.Name, seed, expected ? 0 : runs, lines, needed, register, suppressed)
        {
            ScenarioStatements = scenario.Statements(assumptions.Routes),
            ServiceAreaLines = areaLines,
            DemandWithoutSupply = byOrganisation.DemandWithoutSupply,
        };
    }

    private string FamilyOf(string role) => taxonomy.Contains(role) ? taxonomy[role].Family : "Not in the taxonomy";

    private static NationalFacts NationalFactsOf(PlanningInputs inputs)
    {
        var fte = inputs.Stock.GroupBy(s => s.RoleCode, StringComparer.Ordinal)
            .Where(g => g.Sum(s => s.Heads) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Fte) / g.Sum(s => s.Heads), StringComparer.Ordinal);
        var starters = inputs.Starters.GroupBy(s => s.RouteCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Sum(s => s.Starters), StringComparer.Ordinal);
        var trainees = inputs.Trainees.GroupBy(s => s.RouteCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Sum(s => s.Heads), StringComparer.Ordinal);
        // The share of under-50s turning 50 in a year, as (heads 50–54 / 5) / heads under 50, nationally by role.
        var ageing = inputs.Stock.GroupBy(s => s.RoleCode, StringComparer.Ordinal)
            .Select(g => (Role: g.Key, Under50: g.Where(s => s.AgeBand == AgeBand.Under50).Sum(s => s.Heads), Fifties: g.Where(s => s.AgeBand == AgeBand.From50To54).Sum(s => s.Heads)))
            .Where(r => r.Under50 + r.Fifties > 0)
            .ToDictionary(r => r.Role, r => r.Under50 > 0 ? Math.Clamp(r.Fifties / 5.0 / r.Under50, 0, 0.2) : 0.2, StringComparer.Ordinal);
        return new NationalFacts(fte, starters, trainees, ageing) { StartersCoverAYear = inputs.Flows.Any(f => f.ObservedMonths >= 12) };
    }

    /// <summary>England, every region and GLH with anyone in it, and every organisation (its lines are shown only above the threshold).</summary>
    private IEnumerable<(PlanningUnit Unit, HashSet<string> Organisations)> Units(PlanningInputs inputs)
    {
        var organisations = inputs.Stock.Select(s => s.OrganisationCode)
            .Concat(inputs.Trainees.Select(t => t.OrganisationCode))
            .Concat(inputs.Demand.Select(d => d.OrganisationCode))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        yield return (PlanningUnit.England, organisations.ToHashSet(StringComparer.OrdinalIgnoreCase));
        var byUnit = organisations.SelectMany(o => geography.UnitsOf(o) is var (region, glh) ? new[] { (region, o), (glh, o) } : [])
            .GroupBy(p => p.Item1)
            .OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Code, StringComparer.Ordinal);
        foreach (var group in byUnit)
        {
            yield return (group.Key, group.Select(p => p.o).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }

        foreach (var organisation in organisations)
        {
            yield return (geography.OrganisationUnit(organisation), new HashSet<string>([organisation], StringComparer.OrdinalIgnoreCase));
        }
    }

    private static IEnumerable<LeaverRateEstimate> Register(UnitModel model) =>
        from line in model.Lines
        where line.Shown && !line.IsTrainee
        from b in Enumerable.Range(0, AgeBands.RateBandCount)
        let p = line.Leaving[b]
        select new LeaverRateEstimate(model.Unit, line.Role, (RateBand)b, p.Events, p.Exposure, p.Observed, p.Target, p.K, p.Weight, p.Mean);
}
