namespace StaffDataPipeline.Planning;

/// <summary>
/// How a role's supply in a unit is set against the demand of each service area: in the shares of the WTE in post the
/// unit's returns give each service area for the role (the people who do that work today). With demand stated in one
/// service area only, all the supply counts there. With several and a return that gives no WTE in post for one of them
/// (or none in post in any), the returns cannot tell how today's staff divide their work: no split is invented, and the
/// service area lines show demand only, with a note saying why.
/// </summary>
public static class ServiceAreaSplit
{
    public const string OneArea = "demand stated in one service area: all the supply counts there";
    public const string ByInPost = "supply split by the WTE in post the returns give each service area for the role";
    public const string FamilyOfSplits = "the family's roles that state demand in the service area, each split as its own line says";
    public const string NoInPost = "not split: the returns give no WTE in post by service area for the role, so supply and gap are not set against each service area";

    public static (IReadOnlyDictionary<string, double>? Shares, string Note) Of(IEnumerable<string> areas, IReadOnlyDictionary<string, double?> inPost)
    {
        var list = areas.ToList();
        if (list.Count == 1)
        {
            return (new Dictionary<string, double>(StringComparer.Ordinal) { [list[0]] = 1 }, OneArea);
        }

        var known = list.Select(a => inPost.TryGetValue(a, out var wte) ? wte : null).ToList();
        var total = known.Sum(w => w ?? 0);
        if (known.Any(w => w is null) || total <= 0)
        {
            return (null, NoInPost);
        }

        return (list.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => known[p.i]!.Value / total, StringComparer.Ordinal), ByInPost);
    }
}
