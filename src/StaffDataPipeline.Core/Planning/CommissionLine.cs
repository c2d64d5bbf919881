namespace StaffDataPipeline.Planning;

/// <summary>
/// The reverse question for one route and unit: the starters a year, from next year to the horizon, that would close
/// the qualified role's gap at the horizon (<see cref="NeededPerYear"/>, P10–P90 over the runs), beside the baseline
/// commissions. <see cref="CannotCloseInTime"/> when the route is too long for anyone starting next year to qualify
/// by the horizon; <see cref="NeededPerYear"/> is then null.
/// </summary>
public sealed record CommissionLine(PlanningUnit Unit, string RouteCode, string QualifiedRole, int HorizonYears, double BaselinePerYear, Band? NeededPerYear, bool CannotCloseInTime);
