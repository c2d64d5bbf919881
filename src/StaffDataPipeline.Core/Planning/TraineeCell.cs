namespace StaffDataPipeline.Planning;

/// <summary>
/// Trainees in post at the snapshot on one training route in one organisation, by training year: year 1 started in the
/// last 12 months, year N is the route's last. A trainee past the route's length counts in its last year.
/// </summary>
public sealed record TraineeCell(string OrganisationCode, string RouteCode, int TrainingYear, int Heads, double Fte);
