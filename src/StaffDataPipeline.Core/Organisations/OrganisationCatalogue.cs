namespace StaffDataPipeline.Organisations;

/// <summary>
/// Organisations by ODS code: the workforce team's reference-data/organisations.csv first (their type, GLH and region
/// win), then the ODS release imported into the warehouse (trusts by name and region; a site's code resolves to its
/// trust, said so in the report). A code nobody knows still loads from ESR, typed "Unknown", for review; a survey
/// return from one is refused, with <see cref="LookalikesOf"/> as the hint.
/// </summary>
public sealed class OrganisationCatalogue
{
    private readonly Dictionary<string, Organisation> _byCode;
    private readonly Dictionary<string, OdsOrganisation> _ods;
    private readonly Lazy<ILookup<string, (string Code, string Name)>> _byName;

    // A code resolved through ODS or not known at all is built from its parts; every row of it after the first shares
    // one, instead of an organisation a row (a national extract of unknown codes allocated 100 bytes a row for them).
    private readonly Taxonomy.BoundedCache<(string Code, string? NameInFile), Organisation> _built = new(4_096);

    public OrganisationCatalogue(IEnumerable<Organisation> organisations, IEnumerable<OdsOrganisation>? ods = null)
    {
        _byCode = organisations.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        _ods = (ods ?? []).ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        _byName = new Lazy<ILookup<string, (string Code, string Name)>>(IndexNames);
    }

    /// <summary>The team's organisations (what the reference dimensions sync).</summary>
    public IReadOnlyCollection<Organisation> All => _byCode.Values;

    /// <summary>The same team file with an ODS release behind it.</summary>
    public OrganisationCatalogue WithOds(IEnumerable<OdsOrganisation> ods) => new(_byCode.Values, ods);

    public Organisation Resolve(string code, string? nameInFile)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.TryGetValue(code, out var known)
            ? known
            : _built.GetOrAdd((code, nameInFile), static (key, self) => self.Build(key.Code, key.NameInFile), this);
    }

    private Organisation Build(string code, string? nameInFile)
    {
        if (_ods.TryGetValue(code, out var ods))
        {
            return ods.ParentCode is { } trust
                ? Resolve(trust, null) with { RolledUpFrom = ods.Code }
                : new Organisation(ods.Code, ods.Name, Organisation.TrustType, ods.NationalGrouping, null, null);
        }

        return new Organisation(code.ToUpperInvariant(), string.IsNullOrWhiteSpace(nameInFile) ? "(not in reference data)" : nameInFile.Trim(), Organisation.UnknownType, null, null, null);
    }

    /// <summary>
    /// Known organisations an unknown code probably meant: those whose code is one lookalike character away ("ROA" for
    /// "R0A"), then those whose name is the name written beside it. At most three, the team's file before ODS.
    /// </summary>
    public IReadOnlyList<(string Code, string Name)> LookalikesOf(string code, string? nameInFile)
    {
        ArgumentNullException.ThrowIfNull(code);
        var found = new List<(string Code, string Name)>();
        foreach (var candidate in OrganisationLookalikes.CodesLike(code))
        {
            if (Resolve(candidate, null) is { IsKnown: true } known)
            {
                found.Add((candidate, known.RolledUpFrom is null ? known.Name : _ods[candidate].Name));
            }
        }

        var key = OrganisationLookalikes.NameKey(nameInFile);
        if (key.Length > 0)
        {
            found.AddRange(_byName.Value[key]);
        }

        return found.DistinctBy(f => f.Code, StringComparer.OrdinalIgnoreCase).Take(3).ToList();
    }

    // The team's names first, then ODS trusts, then ODS sites: a lookup keeps that order within a name.
    private ILookup<string, (string Code, string Name)> IndexNames() =>
        _byCode.Values.Select(o => (o.Code, o.Name))
            .Concat(_ods.Values.Where(o => !o.IsSite).Select(o => (o.Code, o.Name)))
            .Concat(_ods.Values.Where(o => o.IsSite).Select(o => (o.Code, o.Name)))
            .ToLookup(o => OrganisationLookalikes.NameKey(o.Name), StringComparer.Ordinal);
}
