namespace StaffDataPipeline.Planning.Scenarios;

/// <summary>
/// A scenario's overrides resolved to plan years for one run (its data date and horizon): what the model applies.
/// Overrides of the same kind that meet on one figure apply in file order, each to the result of the one before.
/// The baseline has no effect on any figure.
/// </summary>
internal sealed class ScenarioEffects
{
    private readonly PlanScenario _scenario;
    private readonly DateOnly _dataAsOf;
    private readonly int _horizon;

    public ScenarioEffects(PlanScenario scenario, DateOnly dataAsOf, int horizon)
    {
        _scenario = scenario;
        _dataAsOf = dataAsOf;
        _horizon = horizon;
    }

    public static ScenarioEffects None(DateOnly dataAsOf, int horizon) => new(PlanScenario.Baseline, dataAsOf, horizon);

    private IEnumerable<ScenarioOverride> Of(ScenarioOverrideKind kind) => _scenario.Overrides.Where(o => o.Kind == kind);

    private static bool ForRole(ScenarioOverride o, string role) => o.Target == ScenarioTargets.All || o.Target == role;

    /// <summary>The leaver rate multiplier of a role by plan year (index 0 … horizon), or null when no override names it.</summary>
    public double[]? LeaverMultipliers(string role)
    {
        var overrides = Of(ScenarioOverrideKind.LeaverRate).Where(o => ForRole(o, role)).ToList();
        return overrides.Count == 0 ? null : Years(t => overrides.Aggregate(1.0, (m, o) => o.Apply(m, o.Strength(t, _dataAsOf))));
    }

    /// <summary>FTE a head of a role by plan year, from today's <paramref name="baseline"/>.</summary>
    public double[] FtePerHead(string role, double baseline)
    {
        var overrides = Of(ScenarioOverrideKind.FtePerHead).Where(o => ForRole(o, role)).ToList();
        return Years(t => overrides.Aggregate(baseline, (f, o) => o.Apply(f, o.Strength(t, _dataAsOf))));
    }

    /// <summary>The factor on a service area's stated demand in plan year <paramref name="year"/>.</summary>
    public double DemandFactor(string serviceAreaCode, int year) =>
        Of(ScenarioOverrideKind.DemandGrowth).Where(o => o.Target == ScenarioTargets.All || o.Target == serviceAreaCode)
            .Aggregate(1.0, (f, o) => o.Apply(f, o.Strength(year, _dataAsOf)));

    /// <summary>Skill mix: (role giving up demand, role taking it on, the share moved by plan year).</summary>
    public IEnumerable<(string From, string To, double[] Share)> SkillMix() =>
        Of(ScenarioOverrideKind.SkillMix).Select(o => (o.Target, o.ToRole!, Years(t => o.Strength(t, _dataAsOf) * o.Value / 100)));

    /// <summary>Roles a scenario gives stated demand to (skill mix), so a unit gets a line for them.</summary>
    public IEnumerable<string> RolesTakingDemand => Of(ScenarioOverrideKind.SkillMix).Select(o => o.ToRole!);

    /// <summary>
    /// A unit's commissions on a route by plan year (index 1 … horizon) from its baseline a year: a national figure
    /// (added or set) is shared as the baseline is (<paramref name="share"/>, the unit's share of the route's starters).
    /// </summary>
    public double[] Commissions(string route, double baseline, double share)
    {
        var overrides = Of(ScenarioOverrideKind.Commissions).Where(o => o.Target == route).ToList();
        return Years(t => Math.Max(0, overrides.Aggregate(baseline, (c, o) => o.Apply(c, o.Strength(t, _dataAsOf), share))));
    }

    private double[] Years(Func<int, double> at)
    {
        var values = new double[_horizon + 1];
        for (var t = 0; t <= _horizon; t++)
        {
            values[t] = at(t);
        }

        return values;
    }
}
