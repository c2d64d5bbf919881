namespace StaffDataPipeline.Planning;

/// <summary>
/// Supply, stated demand and the gap (demand − supply: positive is a shortfall) in FTE for one unit, one role (or,
/// with <see cref="IsFamily"/>, one role family: the sum of its roles in each run) and one year from the snapshot.
/// Demand and gap are null where no return states demand for the role in the unit; a family's demand and gap cover
/// the roles that have some. <see cref="ObservedPersonYears"/> is how much of the unit's own flows its rates rest on
/// (0: national rates only).
/// </summary>
public sealed record PlanLine(
    PlanningUnit Unit,
    string Code,
    string Family,
    bool IsFamily,
    int Year,
    Band SupplyFte,
    double SupplyHeadsP50,
    double? DemandFte,
    Band? GapFte,
    double ObservedPersonYears);
