namespace StaffDataPipeline.Projection;

/// <summary>
/// What the supply projection assumes (reference-data/supply-assumptions.csv and training-routes.csv): the window the
/// observed leaver and joiner rates are taken over, and how long trainees take to qualify and how many do. The version
/// is a hash of both files: every projection row names the assumptions that produced it.
/// </summary>
public sealed record SupplyAssumptions(string Version, int RateWindowMonths, IReadOnlyList<TrainingRoute> Routes)
{
    /// <summary>For a reference data folder without the files: the NHS Digital 12-month window and no training routes.</summary>
    public static SupplyAssumptions None { get; } = new("none", 12, []);
}

/// <summary>Trainees in one role move into a qualified role after their training: a share (the completion rate) each year of 1/years of the pool.</summary>
public sealed record TrainingRoute(string TraineeRole, string QualifiedRole, double TrainingYears, double CompletionRate);
