namespace StaffDataPipeline.Planning;

/// <summary>
/// A plan run as the warehouse keeps it: when it ran, its result, and per organisation the months of flows its rates
/// rest on (observed_months; a region's, GLH's or England's line shows the fewest of its organisations').
/// </summary>
public sealed record PlanRecord(DateTimeOffset RanAt, PlanResult Result, IReadOnlyDictionary<string, int> ObservedMonthsByOrganisation, IReadOnlyDictionary<PlanningUnit, IReadOnlyList<string>> OrganisationsByUnit)
{
    public const string BelowThreshold = "organisation below threshold";

    /// <summary>observed_months of a unit: its own for an organisation, else the fewest among its organisations (0 if none).</summary>
    public int ObservedMonthsOf(PlanningUnit unit) =>
        OrganisationsByUnit.TryGetValue(unit, out var organisations) && organisations.Count > 0
            ? organisations.Min(o => ObservedMonthsByOrganisation.GetValueOrDefault(o))
            : ObservedMonthsByOrganisation.GetValueOrDefault(unit.Code);

    /// <summary>The database name of a unit level.</summary>
    public static string KindOf(UnitLevel level) => level switch
    {
        UnitLevel.National => "national",
        UnitLevel.Region => "region",
        UnitLevel.Glh => "glh",
        _ => "organisation",
    };
}
