namespace StaffDataPipeline.Planning;

/// <summary>One plan run: what it read, what it assumed, and its figures by unit, role, family and year.</summary>
public sealed record PlanResult(
    DateOnly DataAsOf,
    string AssumptionsVersion,
    string Scenario,
    ulong Seed,
    int Runs,
    IReadOnlyList<PlanLine> Lines,
    IReadOnlyList<CommissionLine> Commissions,
    IReadOnlyList<LeaverRateEstimate> LeaverRates,
    IReadOnlyList<SuppressedLine> Suppressed)
{
    /// <summary>The scenario's overrides of the baseline, one sentence each in a planner's words (none for the baseline).</summary>
    public IReadOnlyList<string> ScenarioStatements { get; init; } = [];

    /// <summary>Stated demand by service area beside the supply set against it and the gap (phase one and two side by side).</summary>
    public IReadOnlyList<ServiceAreaLine> ServiceAreaLines { get; init; } = [];

    /// <summary>
    /// Organisations whose returns state demand but whose staff in post the warehouse does not hold: their demand is
    /// left out of every line (a gap needs both sides), and the plan says whose it left out.
    /// </summary>
    public IReadOnlyList<string> DemandWithoutSupply { get; init; } = [];
}
