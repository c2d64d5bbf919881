namespace StaffDataPipeline.Organisations;

/// <summary>Organisations by ODS code, from reference-data/organisations.csv. Unknown codes still load, typed "Unknown".</summary>
public sealed class OrganisationCatalogue
{
    private readonly Dictionary<string, Organisation> _byCode;

    public OrganisationCatalogue(IEnumerable<Organisation> organisations) =>
        _byCode = organisations.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<Organisation> All => _byCode.Values;

    public Organisation Resolve(string code, string? nameInFile) =>
        _byCode.TryGetValue(code, out var known)
            ? known
            : new Organisation(code.ToUpperInvariant(), string.IsNullOrWhiteSpace(nameInFile) ? "(not in reference data)" : nameInFile.Trim(), Organisation.UnknownType, null, null, null);
}
