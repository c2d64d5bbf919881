namespace StaffDataPipeline.Planning;

/// <summary>
/// People in post at the data-as-of snapshot in one organisation, role and age band: heads (a person counts once, in
/// the role of their primary assignment) and their FTE. Trainee roles are counted here too; their projection comes
/// from <see cref="TraineeCell"/> (the training year), so the two should agree on heads.
/// </summary>
public sealed record StockCell(string OrganisationCode, string RoleCode, AgeBand AgeBand, int Heads, double Fte);
