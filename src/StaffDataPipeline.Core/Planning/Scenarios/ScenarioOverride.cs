namespace StaffDataPipeline.Planning.Scenarios;

/// <summary>How an override changes the baseline figure it names.</summary>
public enum ScenarioChange
{
    /// <summary>By a percentage of the baseline (+20 is a fifth more).</summary>
    Percent,

    /// <summary>By a number added to the baseline (national starters a year for commissions).</summary>
    Add,

    /// <summary>To a value in place of the baseline.</summary>
    Set,

    /// <summary>The baseline times a factor (1.5 is half as much again).</summary>
    Multiplier,
}

/// <summary>What a scenario override changes.</summary>
public enum ScenarioOverrideKind
{
    /// <summary>Starters a year on a training route (<see cref="ScenarioOverride.Target"/> is the route code).</summary>
    Commissions,

    /// <summary>The leaver rate of a role, every age band (Target: a role code, or all).</summary>
    LeaverRate,

    /// <summary>Less-than-full-time working: FTE a head of a role (Target: a role code, or all).</summary>
    FtePerHead,

    /// <summary>Stated demand of a service area, every role (Target: the service area code, or all).</summary>
    DemandGrowth,

    /// <summary>Skill mix: <see cref="ScenarioOverride.ToRole"/> takes over a share of Target's (a role's) stated demand.</summary>
    SkillMix,
}

/// <summary>
/// One line of a scenario file. Its effect phases in over the plan years: in full from <see cref="From"/> (a step)
/// or growing in a straight line to reach it in full by <see cref="By"/> (from year 0, or from the year before
/// <see cref="From"/> when both are given); with neither, in full from year 1. Year 0 is the snapshot and never changes.
/// </summary>
public sealed record ScenarioOverride(
    ScenarioOverrideKind Kind,
    string Target,
    string? ToRole,
    ScenarioChange Change,
    double Value,
    ScenarioYear? From,
    ScenarioYear? By,
    string Note)
{
    /// <summary>Where the line is (file and line), for messages.</summary>
    public string Where { get; init; } = string.Empty;

    /// <summary>The share of the change in effect in plan year <paramref name="year"/> (0 … 1).</summary>
    public double Strength(int year, DateOnly dataAsOf)
    {
        if (year < 1)
        {
            return 0;
        }

        var from = From?.PlanYear(dataAsOf);
        var by = By?.PlanYear(dataAsOf);
        if (by is null)
        {
            return year >= (from ?? 1) ? 1 : 0;
        }

        var start = (from ?? 1) - 1;
        return by.Value <= start ? (year > start ? 1 : 0) : Math.Clamp((year - start) / (double)(by.Value - start), 0, 1);
    }

    /// <summary>The baseline figure <paramref name="baseline"/> changed at strength <paramref name="strength"/>.</summary>
    public double Apply(double baseline, double strength, double addScale = 1) => Change switch
    {
        ScenarioChange.Percent => baseline * (1 + (strength * Value / 100)),
        ScenarioChange.Add => baseline + (strength * Value * addScale),
        ScenarioChange.Set => baseline + (strength * ((Value * addScale) - baseline)),
        _ => baseline * (1 + (strength * (Value - 1))),
    };
}
