namespace StaffDataPipeline.Planning;

/// <summary>
/// Stated demand for one service area (rare disease, inherited cancer, cancer (somatic) …) beside the supply set against
/// it and the gap (demand − supply, positive a shortfall), for one unit, role (or family) and year. The supply is the
/// role's times <see cref="SupplyShare"/> (<see cref="ServiceAreaSplit"/>); a family's adds up its roles' within each run.
/// Supply and gap are null where the returns give no split (<see cref="Note"/> says why): demand still stands.
/// </summary>
public sealed record ServiceAreaLine(
    PlanningUnit Unit,
    string Code,
    string Family,
    bool IsFamily,
    string ServiceAreaCode,
    int Year,
    double DemandFte,
    double? SupplyShare,
    Band? SupplyFte,
    Band? GapFte,
    string Note)
{
    public string ServiceAreaName => ServiceAreaPhases.NameOf(ServiceAreaCode);

    /// <summary>Phase one (rare disease, inherited cancer) or phase two (the cancer arm).</summary>
    public string Phase => ServiceAreaPhases.PhaseOf(ServiceAreaCode);
}
