namespace StaffDataPipeline.Planning;

/// <summary>
/// Which training route a trainee in post is on, and in which training year, from the routes in
/// training-pipelines.csv. A trainee role with one route is on it; with several (LAB-CS-TRAINEE: STP genomics and HSST;
/// GC-TRAINEE: STP genomic counselling and the training post) a route that lists the trainee's grade in
/// <c>trainee_grades</c> wins, and otherwise the first route of the role without grades (file order) is the default.
/// The warehouse reads role, grade and months in the role; this class decides, so both providers agree.
/// </summary>
public sealed class TraineeRoutes
{
    private readonly IReadOnlyList<PlanningRoute> _routes;

    public TraineeRoutes(IReadOnlyList<PlanningRoute> routes) => _routes = routes;

    /// <summary>The roles trainees are in: their joiners from another organisation's trainee role are newly qualified.</summary>
    public IReadOnlyList<string> TraineeRoles => [.. _routes.Select(r => r.TraineeRole).Distinct(StringComparer.Ordinal)];

    /// <summary>The route of a trainee in <paramref name="roleCode"/> on <paramref name="gradeCode"/>; null for a role no route trains in.</summary>
    public PlanningRoute? RouteOf(string roleCode, string gradeCode)
    {
        var ofRole = _routes.Where(r => string.Equals(r.TraineeRole, roleCode, StringComparison.Ordinal)).ToList();
        return ofRole.FirstOrDefault(r => r.TraineeGrades.Contains(gradeCode, StringComparer.OrdinalIgnoreCase))
               ?? ofRole.FirstOrDefault(r => r.TraineeGrades.Count == 0)
               ?? ofRole.FirstOrDefault();
    }

    /// <summary>
    /// The training year of a trainee first seen in the role <paramref name="monthsInRole"/> months before the
    /// snapshot: year 1 for under 12 months, capped at the route's last year. A trainee already in the role at the
    /// organisation's first loaded snapshot (<paramref name="sinceFirstSnapshot"/>) started earlier than the warehouse
    /// can see: they are put halfway between the least year they can be in and the route's last, so they neither
    /// all qualify at once nor all wait the whole route.
    /// </summary>
    public static int TrainingYear(PlanningRoute route, int monthsInRole, bool sinceFirstSnapshot)
    {
        var least = Math.Clamp((Math.Max(monthsInRole, 0) / 12) + 1, 1, route.Years);
        return sinceFirstSnapshot ? (int)Math.Ceiling((least + route.Years) / 2.0) : least;
    }
}
