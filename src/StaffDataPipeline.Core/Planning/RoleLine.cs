namespace StaffDataPipeline.Planning;

/// <summary>
/// One role in one unit, ready to project: heads by age band today, FTE a head, the leaver and joiner rate posteriors,
/// the age bands joiners arrive in, and stated demand by year (null where no return states any). A trainee role's
/// heads are its routes' cohorts instead.
/// </summary>
internal sealed class RoleLine
{
    public RoleLine(string role, string family, int horizon)
    {
        Role = role;
        Family = family;
        Demand = new double[horizon + 1];
    }

    public string Role { get; }

    public string Family { get; }

    public bool IsTrainee { get; set; }

    public double[] Heads0 { get; } = new double[AgeBands.Count];

    public double Fte0 { get; set; }

    /// <summary>FTE a head today; with no one in post, the national figure for the role (or 1).</summary>
    public double FtePerHead { get; set; } = 1;

    public RatePosterior[] Leaving { get; } = new RatePosterior[AgeBands.RateBandCount];

    public RatePosterior Joining { get; set; }

    public double[] JoinerAgeShares { get; set; } = [1, 0, 0, 0];

    public double[] Demand { get; }

    /// <summary>Stated demand by service area code and year (added up, it is <see cref="Demand"/>).</summary>
    public SortedDictionary<string, double[]> DemandByArea { get; } = new(StringComparer.Ordinal);

    /// <summary>WTE in post the returns give by service area (null: a return stated demand there without it).</summary>
    public Dictionary<string, double?> InPostByArea { get; } = new(StringComparer.Ordinal);

    /// <summary>The share of the role's supply set against each service area's demand; null where the returns cannot tell.</summary>
    public IReadOnlyDictionary<string, double>? AreaShares { get; set; }

    /// <summary>Why the supply is not split across service areas (or how it is), for the plan's rows.</summary>
    public string? AreaNote { get; set; }

    /// <summary>FTE a head by plan year: today's, or a scenario's less-than-full-time working.</summary>
    public double[] FtePerHeadByYear { get; set; } = [];

    /// <summary>A scenario's multiplier on the leaver rates by plan year; null for none.</summary>
    public double[]? LeaverMultiplier { get; set; }

    public double[] AreaDemand(string area)
    {
        if (!DemandByArea.TryGetValue(area, out var path))
        {
            DemandByArea[area] = path = new double[Demand.Length];
        }

        return path;
    }

    /// <summary>Role moves out of this role: the destination line and the posterior of the rate a year.</summary>
    public List<(int To, RatePosterior Rate)> MovesOut { get; } = [];

    /// <summary>The share of this role's under-50s who turn 50 in a year.</summary>
    public double AgeingUnder50 { get; set; }

    public bool HasDemand { get; set; }

    /// <summary>Person-years of observed flows the unit's own rates rest on.</summary>
    public double Exposure { get; set; }

    /// <summary>Shown on its own (always, except an organisation's role under the threshold).</summary>
    public bool Shown { get; set; } = true;

    public double HeadsToday => Heads0.Sum();
}
