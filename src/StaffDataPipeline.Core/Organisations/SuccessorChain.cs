namespace StaffDataPipeline.Organisations;

/// <summary>Follows mergers: the organisation an old code is today (A → B in 2019, B → C in 2021: A is C).</summary>
public sealed class SuccessorChain
{
    private readonly Dictionary<string, List<OrganisationSuccessor>> _byOld;

    public SuccessorChain(IEnumerable<OrganisationSuccessor> successors) =>
        _byOld = successors.GroupBy(s => s.OldCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.OrderBy(s => s.EffectiveDate).ToList(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The current code on <paramref name="today"/>; the code itself when it has no successor yet. A loop in the table stops where it closes.</summary>
    public string Current(string code, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(code);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { code };
        var current = code;
        while (_byOld.TryGetValue(current, out var next) && next.LastOrDefault(s => s.EffectiveDate <= today) is { } successor && seen.Add(successor.NewCode))
        {
            current = successor.NewCode;
        }

        return current.ToUpperInvariant();
    }

    /// <summary>The successor today, or null when the organisation is still itself (what the warehouse stores).</summary>
    public string? SuccessorOrNull(string code, DateOnly today) =>
        Current(code, today) is var current && string.Equals(current, code, StringComparison.OrdinalIgnoreCase) ? null : current;

    /// <summary>
    /// The rule of the reference-dimension sync, decided here and written by each warehouse: the organisations whose
    /// stored current code (dim_organisation.current_organisation_code) is not the one this chain gives on
    /// <paramref name="today"/>, each with the code wanted (null: still itself).
    /// </summary>
    public IReadOnlyList<(string Code, string? Wanted)> Changes(IEnumerable<(string Code, string? Current)> stored, DateOnly today) =>
        stored.Select(c => (c.Code, c.Current, Wanted: SuccessorOrNull(c.Code, today)))
            .Where(c => c.Current != c.Wanted)
            .Select(c => (c.Code, c.Wanted))
            .ToList();
}
