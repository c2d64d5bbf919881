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

    public AssignmentRules(IEnumerable<string> countedStatuses, IEnumerable<string> countedContractTypes)
    {
        _statuses = new HashSet<string>(countedStatuses.Select(Key), StringComparer.Ordinal);
        _contracts = new HashSet<string>(countedContractTypes.Select(Key), StringComparer.Ordinal);
    }

    public bool StatusCounts(string? status) =>
        string.IsNullOrWhiteSpace(status) || _statusAnswers.GetOrAdd(status, static (text, counted) => counted.Contains(Key(text)), _statuses);

    public bool ContractCounts(string? contractType) =>
        string.IsNullOrWhiteSpace(contractType) || _contractAnswers.GetOrAdd(contractType, static (text, counted) => counted.Contains(Key(text)), _contracts);

    private static string Key(string text) => Taxonomy.TitleText.Fold(text);
}
