using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Planning;

/// <summary>
/// Turns the warehouse's aggregated rows into <see cref="PlanningInputs"/>, so both providers decide the same way:
/// age band labels to the plan's bands, trainees to routes and training years, starters to routes.
/// </summary>
public static class PlanningReadRows
{
    /// <summary>
    /// The plan's band of a stored age band label ("45-49", "50-54", "65 and over"). "Unknown" (no date of birth in the
    /// file) counts as under 50, where most of the workforce is, so the person still counts.
    /// </summary>
    public static AgeBand AgeBandOf(string label) => label switch
    {
        "50-54" => AgeBand.From50To54,
        "55-59" => AgeBand.From55To59,
        "60-64" or "65 and over" => AgeBand.From60,
        _ => AgeBand.Under50,
    };

    public static DateOnly DateOf(long dateKey) => new((int)(dateKey / 10000), (int)(dateKey / 100 % 100), (int)(dateKey % 100));

    public static int DateKeyOf(DateOnly date) => DateDimension.DateKey(date);

    /// <summary>Trainees in post at their organisation's latest snapshot, by role, grade and the first snapshot they were in the role there.</summary>
    public static IReadOnlyList<TraineeCell> Trainees(IEnumerable<TraineeRow> rows, TraineeRoutes routes) =>
        [.. rows.Select(r => (Row: r, Route: routes.RouteOf(r.RoleCode, r.GradeCode)))
            .Where(x => x.Route is not null)
            .Select(x => (x.Row, Route: x.Route!, Year: TraineeRoutes.TrainingYear(x.Route!, FlowWindows.MonthIndex(DateOf(x.Row.LatestKey)) - FlowWindows.MonthIndex(DateOf(x.Row.FirstInRoleKey)), x.Row.FirstInRoleKey <= x.Row.OrganisationFirstKey)))
            .GroupBy(x => (x.Row.OrganisationCode, x.Route.Code, x.Year))
            .OrderBy(g => g.Key.OrganisationCode, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new TraineeCell(g.Key.OrganisationCode, g.Key.Code, g.Key.Year, g.Sum(x => x.Row.Heads), g.Sum(x => x.Row.Fte)))];

    /// <summary>
    /// Trainees who started in the 12 months to their organisation's latest snapshot: first in the role there after the
    /// organisation's first loaded snapshot (one there from the start may have started long before).
    /// </summary>
    public static IReadOnlyList<StarterCell> Starters(IEnumerable<TraineeRow> rows, TraineeRoutes routes) =>
        [.. rows.Where(r => r.FirstInRoleKey > r.OrganisationFirstKey
                            && FlowWindows.MonthIndex(DateOf(r.FirstInRoleKey)) > FlowWindows.MonthIndex(DateOf(r.LatestKey)) - 12)
            .Select(r => (Row: r, Route: routes.RouteOf(r.RoleCode, r.GradeCode)))
            .Where(x => x.Route is not null)
            .GroupBy(x => (x.Row.OrganisationCode, x.Route!.Code))
            .OrderBy(g => g.Key.OrganisationCode, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new StarterCell(g.Key.OrganisationCode, g.Key.Code, g.Sum(x => x.Row.Heads)))];

    /// <summary>The start side and the end side of each window, joined into flow cells.</summary>
    public static IReadOnlyList<FlowCell> Flows(IEnumerable<FlowStartRow> starts, IEnumerable<FlowEndRow> ends)
    {
        var cells = new SortedDictionary<(string Org, long End, string Role, AgeBand Band), FlowCell>();
        foreach (var s in starts)
        {
            var key = (s.OrganisationCode, s.EndKey, s.RoleCode, AgeBandOf(s.AgeBand));
            var cell = cells.GetValueOrDefault(key) ?? new FlowCell(s.OrganisationCode, s.RoleCode, key.Item4, s.Months, 0, 0, 0, 0, 0, 0);
            cells[key] = cell with { StartHeads = cell.StartHeads + s.StartHeads, Leavers = cell.Leavers + s.Leavers, LeaversToOtherOrganisation = cell.LeaversToOtherOrganisation + s.LeaversToOther };
        }

        foreach (var e in ends)
        {
            var key = (e.OrganisationCode, e.EndKey, e.RoleCode, AgeBandOf(e.AgeBand));
            var cell = cells.GetValueOrDefault(key) ?? new FlowCell(e.OrganisationCode, e.RoleCode, key.Item4, e.Months, 0, 0, 0, 0, 0, 0);
            cells[key] = cell with
            {
                JoinersFromOtherOrganisation = cell.JoinersFromOtherOrganisation + e.FromOther,
                JoinersNewToNhs = cell.JoinersNewToNhs + e.NewToNhs,
                JoinersNewlyQualified = cell.JoinersNewlyQualified + e.NewlyQualified,
            };
        }

        return [.. cells.Values];
    }
}

/// <summary>Trainees in a role and grade in an organisation, by the first snapshot they were in the role there.</summary>
public sealed record TraineeRow(string OrganisationCode, string RoleCode, string GradeCode, long FirstInRoleKey, long OrganisationFirstKey, long LatestKey, int Heads, double Fte);

/// <summary>The people in post at a window's start in a role and age band, and how many of them left (to another organisation).</summary>
public sealed record FlowStartRow(string OrganisationCode, long EndKey, int Months, string RoleCode, string AgeBand, int StartHeads, int Leavers, int LeaversToOther);

/// <summary>The joiners of a window in a role and age band at its end, by where they came from.</summary>
public sealed record FlowEndRow(string OrganisationCode, long EndKey, int Months, string RoleCode, string AgeBand, int FromOther, int NewToNhs, int NewlyQualified);
