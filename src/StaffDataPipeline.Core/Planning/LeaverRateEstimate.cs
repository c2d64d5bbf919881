namespace StaffDataPipeline.Planning;

/// <summary>
/// One line of the assumption register: a unit's leaver rate for a role and age band, with what it rests on:
/// observed leavers and person-years, the unit's own rate, the rate it is shrunk toward, the credibility constant k
/// and weight Z = e / (e + k), and the rate used = Z · own + (1 − Z) · target.
/// </summary>
public sealed record LeaverRateEstimate(
    PlanningUnit Unit,
    string RoleCode,
    RateBand Band,
    double Leavers,
    double PersonYears,
    double? ObservedRate,
    double TargetRate,
    double K,
    double Weight,
    double Rate);
