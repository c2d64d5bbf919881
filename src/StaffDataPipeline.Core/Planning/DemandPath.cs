namespace StaffDataPipeline.Planning;

/// <summary>
/// Stated demand year by year: funded establishment is year 0, the stated 5- and 10-year figures are met in straight
/// lines between them. With only a 10-year figure the line runs from year 0 to 10; with only a 5-year figure demand
/// stays there after year 5; with neither it stays at the establishment (the return states no change).
/// </summary>
public static class DemandPath
{
    public static double At(DemandCell cell, int year)
    {
        var start = cell.EstablishmentFte;
        return (cell.Demand5YearFte, cell.Demand10YearFte) switch
        {
            ({ } five, { } ten) => year <= 5 ? Line(start, five, year / 5.0) : Line(five, ten, Math.Min(year - 5, 5) / 5.0),
            ({ } five, null) => Line(start, five, Math.Min(year, 5) / 5.0),
            (null, { } ten) => Line(start, ten, Math.Min(year, 10) / 10.0),
            _ => start,
        };
    }

    private static double Line(double from, double to, double share) => from + ((to - from) * share);
}
