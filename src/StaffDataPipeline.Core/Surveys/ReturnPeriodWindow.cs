namespace StaffDataPipeline.Surveys;

/// <summary>
/// Which return periods can be real on a given day. A return for a period that has not begun (2027-28 Q1 typed in
/// December 2026) or one from before the service existed would become an organisation's latest return in the views,
/// replacing its real figures, so such returns are refused rather than warned about.
/// </summary>
public static class ReturnPeriodWindow
{
    /// <summary>Periods ending before this are typing errors (the Genomic Medicine Service began in 2018).</summary>
    public static readonly DateOnly Earliest = new(2018, 1, 1);

    /// <summary>
    /// The last day a period may start on: the end of the quarter after today's, so that a return for the coming
    /// quarter (or a financial year about to begin) can be sent early, but nothing later.
    /// </summary>
    public static DateOnly LatestStart(DateOnly today)
    {
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return quarterStart.AddMonths(6).AddDays(-1);
    }

    public static bool IsTooEarly(DateOnly periodEnd) => periodEnd < Earliest;

    public static bool IsInFuture(DateOnly periodStart, DateOnly today) => periodStart > LatestStart(today);
}
