namespace StaffDataPipeline.Planning;

/// <summary>
/// Everything the plan reads from the warehouse, provider-neutral: each list is one read (stock, flows, trainees,
/// starters, demand, role moves), aggregated, with no person-level value. The model never asks the warehouse for more.
/// </summary>
public sealed record PlanningInputs(
    DateOnly DataAsOf,
    IReadOnlyList<StockCell> Stock,
    IReadOnlyList<FlowCell> Flows,
    IReadOnlyList<TraineeCell> Trainees,
    IReadOnlyList<StarterCell> Starters,
    IReadOnlyList<DemandCell> Demand)
{
    /// <summary>Role changes inside organisations (promotions); none means roles are projected without them.</summary>
    public IReadOnlyList<MoveCell> Moves { get; init; } = [];
}
