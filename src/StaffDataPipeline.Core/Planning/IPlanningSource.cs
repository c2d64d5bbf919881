namespace StaffDataPipeline.Planning;

/// <summary>
/// The warehouse reads the plan needs, one per input kind, aggregated (no person-level value leaves the warehouse):
/// stock, flow windows, role moves, trainees in post, starters, stated demand. Which route a trainee is on is decided
/// by <see cref="TraineeRoutes"/> (Core); the adapter only applies it. Null when the warehouse holds no staff in post.
/// </summary>
public interface IPlanningSource
{
    Task<PlanningInputs?> ReadAsync(TraineeRoutes routes, CancellationToken cancellationToken);
}

/// <summary>Where plan runs are kept: <c>plan_run</c> and <c>plan_projection</c> (and <c>plan_commission</c>).</summary>
public interface IPlanRunStore
{
    /// <summary>Records a run in one transaction and returns its run id.</summary>
    Task<long> RecordAsync(PlanRecord record, CancellationToken cancellationToken);
}
