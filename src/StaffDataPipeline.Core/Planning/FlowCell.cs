namespace StaffDataPipeline.Planning;

/// <summary>
/// Observed flows over a window of <see cref="ObservedMonths"/> months (12 is the NHS Digital convention) in one
/// organisation, role and age band. <see cref="StartHeads"/> were in post at the window's start (age band then);
/// <see cref="Leavers"/> are those of them not in post in the organisation at its end, of whom
/// <see cref="LeaversToOtherOrganisation"/> were in post in another organisation (moves). Joiners were in post at the
/// end and not at the start (age band at the end), by source: another organisation, new to the NHS, or newly qualified
/// (in a trainee role anywhere at the start). Role changes inside the organisation are neither.
/// Several windows for the same cell (say three consecutive 12-month windows) may be given: they are added up as
/// person-years of exposure.
/// </summary>
public sealed record FlowCell(
    string OrganisationCode,
    string RoleCode,
    AgeBand AgeBand,
    int ObservedMonths,
    int StartHeads,
    int Leavers,
    int LeaversToOtherOrganisation,
    int JoinersFromOtherOrganisation,
    int JoinersNewToNhs,
    int JoinersNewlyQualified)
{
    /// <summary>Person-years at risk of leaving: the heads at the start for the part of a year the window covers.</summary>
    public double Exposure => StartHeads * ObservedMonths / 12.0;
}
