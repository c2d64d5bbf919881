namespace StaffDataPipeline.Planning;

/// <summary>One training route in one unit: trainees in post by training year today, commissions a year, and the lines it feeds.</summary>
internal sealed class RouteLine(PlanningRoute route, int traineeLine, int qualifiedLine, double[] cohorts, double commissions, double takePost)
{
    public PlanningRoute Route { get; } = route;

    public int TraineeLine { get; } = traineeLine;

    public int QualifiedLine { get; } = qualifiedLine;

    /// <summary>Trainees in post today by training year (index 0 is year 1).</summary>
    public double[] Cohorts0 { get; } = cohorts;

    /// <summary>Starters a year from next year on (the baseline commissions).</summary>
    public double Commissions { get; } = commissions;

    /// <summary>The share of completers who take a post in this unit: take-post, times stay-where-trained below England.</summary>
    public double TakePostHere { get; } = takePost;

    public double Yield => Math.Pow(1 - Route.AnnualAttrition, Route.Years) * Route.Completion * TakePostHere;
}
