namespace StaffDataPipeline.Taxonomy;

/// <summary>The roles of one taxonomy version. The version changes whenever roles, rules or synonyms change.</summary>
public sealed class RoleTaxonomy
{
    private readonly Dictionary<string, Role> _roles;

    public RoleTaxonomy(string version, IEnumerable<Role> roles)
    {
        Version = version;
        _roles = roles.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var required in new[] { Role.OutOfScope, Role.Unmapped })
        {
            if (!_roles.ContainsKey(required))
            {
                throw new InvalidOperationException($"The taxonomy must define {required}.");
            }
        }
    }

    public string Version { get; }

    public IReadOnlyCollection<Role> Roles => _roles.Values;

    public bool Contains(string code) => _roles.ContainsKey(code);

    public Role this[string code] => _roles[code];
}
