namespace StaffDataPipeline.Normalisation;

/// <summary>
/// Which assignment statuses and contract types count as staff in post (reference-data/assignment-rules.csv).
/// A blank value counts: the file simply did not say.
/// </summary>
public sealed class AssignmentRules
{
    private readonly HashSet<string> _statuses;
    private readonly HashSet<string> _contracts;

    // Every row asks about its status and contract, which take a handful of values: each is folded and looked up once.
    private readonly Taxonomy.BoundedCache<string, bool> _statusAnswers = new(1_000);
    private readonly Taxonomy.BoundedCache<string, bool> _contractAnswers = new(1_000);

    // Excluded rows take few values too: each is judged once, as listed (empty) or as named in a load's report.
    private readonly Taxonomy.BoundedCache<string, string> _unlistedStatuses = new(1_000);
    private readonly Taxonomy.BoundedCache<string, string> _unlistedContracts = new(1_000);

    // Every value the file lists, counted or not: a value it does not list is excluded too, but a load names it.
    private readonly HashSet<string> _listed;

    public AssignmentRules(IEnumerable<string> countedStatuses, IEnumerable<string> countedContractTypes, IEnumerable<string>? listedNotCounted = null)
    {
        _statuses = new HashSet<string>(countedStatuses.Select(Key), StringComparer.Ordinal);
        _contracts = new HashSet<string>(countedContractTypes.Select(Key), StringComparer.Ordinal);
        _listed = [.. _statuses, .. _contracts, .. (listedNotCounted ?? []).Select(Key)];
    }

    /// <summary>
    /// For an excluded row: its status, or else its contract type, when assignment-rules.csv does not list it at all
    /// ("Apprentice", "Maternity Leave"), folded as the file compares them ("status 'maternity leave'"); null when the
    /// exclusion was the file's decision. A value with figures in it is not shown: a status column that is not one
    /// (mapped wrongly, or free text) could hold anything.
    /// </summary>
    public string? Unlisted(string? status, string? contractType)
    {
        if (!string.IsNullOrWhiteSpace(status) && _unlistedStatuses.GetOrAdd(status, static (text, self) => self.Shown("status", text), this) is { Length: > 0 } shown)
        {
            return shown;
        }

        // A status the file lists as not counted decided the exclusion; the contract type is not named for it.
        return StatusCounts(status) && !string.IsNullOrWhiteSpace(contractType)
            && _unlistedContracts.GetOrAdd(contractType, static (text, self) => self.Shown("contract type", text), this) is { Length: > 0 } contract
            ? contract
            : null;
    }

    private string Shown(string kind, string value) =>
        _listed.Contains(Key(value)) ? string.Empty
        : value.Any(char.IsDigit) || value.Contains('@', StringComparison.Ordinal) ? $"{kind} (a value with figures or an address in it, not shown)"
        : $"{kind} '{Key(value)}'";

    public bool StatusCounts(string? status) =>
        string.IsNullOrWhiteSpace(status) || _statusAnswers.GetOrAdd(status, static (text, counted) => counted.Contains(Key(text)), _statuses);

    public bool ContractCounts(string? contractType) =>
        string.IsNullOrWhiteSpace(contractType) || _contractAnswers.GetOrAdd(contractType, static (text, counted) => counted.Contains(Key(text)), _contracts);

    private static string Key(string text) => Taxonomy.TitleText.Fold(text);
}
