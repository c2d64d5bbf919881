namespace StaffDataPipeline.Planning;

/// <summary>One window of flows in one organisation: from one loaded snapshot to another, <see cref="Months"/> apart.</summary>
public sealed record FlowWindow(string OrganisationCode, DateOnly Start, DateOnly End, int Months);

/// <summary>
/// Which windows of flows the plan reads for an organisation: back from its latest snapshot, 12-month windows between
/// loaded snapshots (up to <see cref="MaxWindows"/>, consecutive, so each person-year counts once). An organisation
/// with less than 12 months loaded gives one shorter window (its months say so: observed_months), down to
/// <see cref="MinMonths"/>: a month or two of flows scaled to a year is noise (two unrelated month-ends can show a
/// fifth of a team joining), so with less the organisation's rates are the national ones (observed_months 0).
/// A window ends on a loaded snapshot and starts on the earliest loaded one at most 12 months before it.
/// </summary>
public static class FlowWindows
{
    public const int MaxWindows = 3;

    public const int MinMonths = 6;

    public static IEnumerable<FlowWindow> Choose(string organisationCode, IReadOnlyCollection<DateOnly> snapshots)
    {
        var ordered = snapshots.Distinct().Order().ToList();
        var windows = 0;
        var end = ordered.Count > 0 ? ordered[^1] : default;
        while (ordered.Count > 1 && windows < MaxWindows)
        {
            var endIndex = MonthIndex(end);
            var start = ordered.Where(d => d < end && MonthIndex(d) >= endIndex - 12).DefaultIfEmpty(end).Min();
            if (start == end || endIndex - MonthIndex(start) < MinMonths)
            {
                yield break;
            }

            yield return new FlowWindow(organisationCode, start, end, endIndex - MonthIndex(start));
            windows++;
            if (endIndex - MonthIndex(start) < 12)
            {
                yield break;
            }

            end = start;
        }
    }

    public static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month;
}
