using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Planning;

/// <summary>
/// Which region and GLH each organisation plans in, from the organisation dimension (organisations.csv, which the
/// team edits where ODS does not say). An organisation with no region or GLH is planned in an "not known" unit, so
/// its people still count nationally and the gap in the mapping shows.
/// </summary>
public sealed class PlanningGeography
{
    public const string NotKnown = "NOT-KNOWN";

    private readonly Dictionary<string, Organisation> _byCode;

    public PlanningGeography(IEnumerable<Organisation> organisations) =>
        _byCode = organisations.GroupBy(o => o.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The region and GLH units an organisation's figures count in (England is implied).</summary>
    public (PlanningUnit Region, PlanningUnit Glh) UnitsOf(string organisationCode)
    {
        _byCode.TryGetValue(organisationCode, out var org);
        var region = org?.RegionCode is { Length: > 0 } code
            ? new PlanningUnit(UnitLevel.Region, code, org.RegionName ?? code)
            : new PlanningUnit(UnitLevel.Region, NotKnown, "Region not known");
        var glh = org?.Glh is { Length: > 0 } name
            ? new PlanningUnit(UnitLevel.Glh, name, name)
            : new PlanningUnit(UnitLevel.Glh, NotKnown, "GLH not known");
        return (region, glh);
    }

    public PlanningUnit OrganisationUnit(string organisationCode) =>
        new(UnitLevel.Organisation, organisationCode, _byCode.TryGetValue(organisationCode, out var org) ? org.Name : organisationCode);
}
