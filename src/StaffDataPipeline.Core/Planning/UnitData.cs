namespace StaffDataPipeline.Planning;

/// <summary>The inputs of one unit's organisations, and the national figures a unit's line falls back on.</summary>
internal sealed record UnitData(
    IReadOnlyList<StockCell> Stock,
    FlowTotals Flows,
    IReadOnlyList<TraineeCell> Trainees,
    IReadOnlyList<StarterCell> Starters,
    IReadOnlyList<DemandCell> Demand);

/// <summary>National figures every unit reads: FTE a head by role, starters and trainees by route (to share national commissions).</summary>
internal sealed record NationalFacts(
    IReadOnlyDictionary<string, double> FtePerHead,
    IReadOnlyDictionary<string, double> StartersByRoute,
    IReadOnlyDictionary<string, double> TraineesByRoute,
    IReadOnlyDictionary<string, double> AgeingUnder50ByRole)
{
    /// <summary>
    /// The warehouse holds a 12-month window of flows somewhere, so a year's starters on each route can be counted.
    /// Before that (a month or two of exports) the starters seen are a fraction of a year's, and a route is taken to
    /// keep its size instead: its trainees in post divided by its length start each year.
    /// </summary>
    public bool StartersCoverAYear { get; init; } = true;
}
