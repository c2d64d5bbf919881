namespace StaffDataPipeline.Planning;

/// <summary>
/// Everything the plan reads from the warehouse, provider-neutral: each list is one read (stock, flows, trainees,
/// starters, demand), aggregated, with no person-level value. The model never asks the warehouse for more.
/// </summary>
public sealed record PlanningInputs(
    DateOnly DataAsOf,
    IReadOnlyList<StockCell> Stock,
    IReadOnlyList<FlowCell> Flows,
    IReadOnlyList<TraineeCell> Trainees,
    IReadOnlyList<StarterCell> Starters,
    IReadOnlyList<DemandCell> Demand);
