namespace StaffDataPipeline.Normalisation;

/// <summary>
/// Which assignment statuses and contract types count as staff in post (reference-data/assignment-rules.csv).
/// A blank value counts: the file simply did not say.
/// </summary>
public sealed class AssignmentRules
{
    private readonly HashSet<string> _statuses;
    private readonly HashSet<string> _contracts;

    public AssignmentRules(IEnumerable<string> countedStatuses, IEnumerable<string> countedContractTypes)
    {
        _statuses = new HashSet<string>(countedStatuses.Select(Key), StringComparer.Ordinal);
        _contracts = new HashSet<string>(countedContractTypes.Select(Key), StringComparer.Ordinal);
    }

    public bool StatusCounts(string? status) => string.IsNullOrWhiteSpace(status) || _statuses.Contains(Key(status));

    public bool ContractCounts(string? contractType) => string.IsNullOrWhiteSpace(contractType) || _contracts.Contains(Key(contractType));

    private static string Key(string text) => Taxonomy.TitleText.Fold(text);
}
