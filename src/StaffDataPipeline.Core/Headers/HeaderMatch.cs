namespace StaffDataPipeline.Headers;

/// <summary>How one file's header row mapped onto fields.</summary>
public sealed record HeaderMatch(
    IReadOnlyDictionary<EsrField, int> Columns,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<string> PersonalColumnsDropped,
    IReadOnlyList<string> DuplicateColumnsIgnored)
{
    public bool Has(EsrField field) => Columns.ContainsKey(field);

    public int? ColumnOf(EsrField field) => Columns.TryGetValue(field, out var c) ? c : null;
}
