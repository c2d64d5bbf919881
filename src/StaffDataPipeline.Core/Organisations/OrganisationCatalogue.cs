namespace StaffDataPipeline.Organisations;

/// <summary>
/// Organisations by ODS code: the workforce team's reference-data/organisations.csv first (their type, GLH and region
/// win), then the ODS release imported into the warehouse (trusts by name and region; a site's code resolves to its
/// trust, said so in the report). A code nobody knows still loads, typed "Unknown", for review.
/// </summary>
public sealed class OrganisationCatalogue
{
    private readonly Dictionary<string, Organisation> _byCode;
    private readonly Dictionary<string, OdsOrganisation> _ods;

    public OrganisationCatalogue(IEnumerable<Organisation> organisations, IEnumerable<OdsOrganisation>? ods = null)
    {
        _byCode = organisations.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        _ods = (ods ?? []).ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The team's organisations (what the reference dimensions sync).</summary>
    public IReadOnlyCollection<Organisation> All => _byCode.Values;

    /// <summary>The same team file with an ODS release behind it.</summary>
    public OrganisationCatalogue WithOds(IEnumerable<OdsOrganisation> ods) => new(_byCode.Values, ods);

    public Organisation Resolve(string code, string? nameInFile)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_byCode.TryGetValue(code, out var known))
        {
            return known;
        }

        if (_ods.TryGetValue(code, out var ods))
        {
            return ods.ParentCode is { } trust
                ? Resolve(trust, null) with { RolledUpFrom = ods.Code }
                : new Organisation(ods.Code, ods.Name, Organisation.TrustType, ods.NationalGrouping, null, null);
        }

        return new Organisation(code.ToUpperInvariant(), string.IsNullOrWhiteSpace(nameInFile) ? "(not in reference data)" : nameInFile.Trim(), Organisation.UnknownType, null, null, null);
    }
}
