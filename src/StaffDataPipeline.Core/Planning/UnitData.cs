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
    IReadOnlyDictionary<string, double> AgeingUnder50ByRole);
