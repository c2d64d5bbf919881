namespace StaffDataPipeline.Planning.Scenarios;

/// <summary>
/// A year as a scenario file names it: a calendar year ("2026") or a plan year ("year 5", years after the data date).
/// A calendar year is the plan year in which 1 September of it falls (training starts in the autumn), and year 1 at
/// the earliest: with data as of April 2024, 2026 is plan year 3 (May 2026 to April 2027).
/// </summary>
public readonly record struct ScenarioYear(int Value, bool IsCalendar)
{
    public static ScenarioYear Calendar(int year) => new(year, true);

    public static ScenarioYear Plan(int year) => new(year, false);

    /// <summary>The plan year (1 … horizon) this year falls in for data as of <paramref name="dataAsOf"/>.</summary>
    public int PlanYear(DateOnly dataAsOf)
    {
        if (!IsCalendar)
        {
            return Value;
        }

        var months = ((Value * 12) + 9) - ((dataAsOf.Year * 12) + dataAsOf.Month);
        return Math.Max(1, (int)Math.Ceiling(months / 12.0));
    }

    public override string ToString() => IsCalendar ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"year {Value}";
}
