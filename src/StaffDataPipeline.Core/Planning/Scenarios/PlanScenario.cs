using System.Globalization;

namespace StaffDataPipeline.Planning.Scenarios;

/// <summary>
/// A scenario: overrides of the baseline assumptions, from a file the workforce team edits
/// (reference-data/scenarios/&lt;name&gt;.csv). The baseline is implicit and has none. <see cref="Version"/> is a hash of
/// the file, added to the assumptions version of every run of the scenario.
/// </summary>
public sealed record PlanScenario(string Name, string Version, IReadOnlyList<ScenarioOverride> Overrides)
{
    public static PlanScenario Baseline { get; } = new(SupplyPlanner.Baseline, string.Empty, []);

    public bool IsBaseline => Overrides.Count == 0 && Name == SupplyPlanner.Baseline;

    /// <summary>The assumptions version a run of this scenario records: the plan files' and, for a scenario, its file's.</summary>
    public string AssumptionsVersion(string planVersion) => Version.Length == 0 ? planVersion : $"{planVersion}.S.{Version}";

    /// <summary>One plain sentence per override, in a planner's words ("STP-GEN commissions +20% from 2026").</summary>
    public IReadOnlyList<string> Statements(IReadOnlyList<PlanningRoute> routes) => [.. Overrides.Select(o => Statement(o, routes))];

    private static string Statement(ScenarioOverride o, IReadOnlyList<PlanningRoute> routes)
    {
        var value = o.Value.ToString("0.###", CultureInfo.InvariantCulture);
        var signed = (o.Value >= 0 ? "+" : "−") + Math.Abs(o.Value).ToString("0.###", CultureInfo.InvariantCulture);
        var timing = (o.From, o.By) switch
        {
            (null, null) => string.Empty,
            ({ } from, null) => $" from {from}",
            (null, { } by) => $", reached in a straight line by {by}",
            ({ } from, { } by) => $" from {from}, reached in a straight line by {by}",
        };
        var roles = o.Target == ScenarioTargets.All ? "every role" : o.Target;
        switch (o.Kind)
        {
            case ScenarioOverrideKind.Commissions:
                var name = routes.FirstOrDefault(r => r.Code == o.Target)?.Name;
                var route = name is null ? o.Target : $"{o.Target} ({name})";
                return o.Change switch
                {
                    ScenarioChange.Percent => $"{route} commissions {signed}%{timing}",
                    ScenarioChange.Add => $"{route} commissions {signed} starters a year nationally{timing}",
                    _ => $"{route} commissions set to {value} starters a year nationally{timing}",
                };
            case ScenarioOverrideKind.LeaverRate:
                return o.Change == ScenarioChange.Percent ? $"Leaver rate of {roles} {signed}%{timing}" : $"Leaver rate of {roles} × {value}{timing}";
            case ScenarioOverrideKind.FtePerHead:
                return o.Change == ScenarioChange.Percent
                    ? $"FTE a head of {roles} {signed}% (less-than-full-time working){timing}"
                    : $"{(o.Target == ScenarioTargets.All ? "Every role" : o.Target)} working {value} FTE a head (less-than-full-time working){timing}";
            case ScenarioOverrideKind.DemandGrowth:
                var area = o.Target == ScenarioTargets.All ? "every service area" : ServiceAreaPhases.NameOf(o.Target);
                return $"Stated demand in {area} {signed}%{timing}";
            default:
                return $"{o.ToRole} take on {value}% of {o.Target}'s stated demand (skill mix){timing}";
        }
    }
}

/// <summary>Words a scenario file uses for its targets.</summary>
public static class ScenarioTargets
{
    /// <summary>Every role (leaver rate, FTE a head) or every service area (demand growth).</summary>
    public const string All = "all";
}
