namespace StaffDataPipeline.Planning;

/// <summary>
/// Stated demand from an organisation's latest survey return for one service area and role: funded establishment
/// today (year 0) and the WTE it expects to need in 5 and 10 years (either may be missing).
/// </summary>
public sealed record DemandCell(string OrganisationCode, string RoleCode, string ServiceArea, double EstablishmentFte, double? Demand5YearFte, double? Demand10YearFte)
{
    /// <summary>
    /// The WTE in post the return gives for the role in this service area (null where it gives none): how today's staff
    /// divide between service areas, so that supply can be set against each area's demand (<see cref="ServiceAreaSplit"/>).
    /// </summary>
    public double? InPostFte { get; init; }
}
