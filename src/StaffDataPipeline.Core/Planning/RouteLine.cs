namespace StaffDataPipeline.Planning;

/// <summary>One training route in one unit: trainees in post by training year today, commissions a year, and the lines it feeds.</summary>
internal sealed class RouteLine(PlanningRoute route, int traineeLine, int qualifiedLine, double[] cohorts, double[] commissions, double takePost)
{
    public PlanningRoute Route { get; } = route;

    public int TraineeLine { get; } = traineeLine;

    public int QualifiedLine { get; } = qualifiedLine;

    /// <summary>Trainees in post today by training year (index 0 is year 1).</summary>
    public double[] Cohorts0 { get; } = cohorts;

    /// <summary>Starters in each plan year (index 1 … horizon): the baseline, or as a scenario changes it.</summary>
    public double[] CommissionsByYear { get; } = commissions;

    /// <summary>Starters a year from next year (year 1).</summary>
    public double Commissions => CommissionsByYear.Length > 1 ? CommissionsByYear[1] : 0;

    /// <summary>The planned starters a year over years 1 … <paramref name="years"/> (at least year 1), on average.</summary>
    public double PlannedPerYear(int years)
    {
        var last = Math.Clamp(years, 1, CommissionsByYear.Length - 1);
        double sum = 0;
        for (var t = 1; t <= last; t++)
        {
            sum += CommissionsByYear[t];
        }

        return last < 1 ? 0 : sum / last;
    }

    /// <summary>The share of completers who take a post in this unit: take-post, times stay-where-trained below England.</summary>
    public double TakePostHere { get; } = takePost;

    public double Yield => Math.Pow(1 - Route.AnnualAttrition, Route.Years) * Route.Completion * TakePostHere;
}
