namespace StaffDataPipeline.Headers;

/// <summary>How one file's header row mapped onto fields.</summary>
public sealed record HeaderMatch(
    IReadOnlyDictionary<EsrField, int> Columns,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<string> PersonalColumnsDropped,
    IReadOnlyList<DuplicateColumn> DuplicateColumns)
{
    public bool Has(EsrField field) => Columns.ContainsKey(field);

    public int? ColumnOf(EsrField field) => Columns.TryGetValue(field, out var c) ? c : null;

    /// <summary>The column of each field indexed by the field's number, -1 where the file has none: the lookup extractions make per cell.</summary>
    public int[] ColumnByField()
    {
        var columns = Enumerable.Repeat(-1, Enum.GetValues<EsrField>().Length).ToArray();
        foreach (var (field, column) in Columns)
        {
            columns[(int)field] = column;
        }

        return columns;
    }

    /// <summary>For each field with notations, the notations this file has, most preferred first.</summary>
    public IReadOnlyDictionary<EsrField, IReadOnlyList<EsrField>> Preferences { get; init; } = new Dictionary<EsrField, IReadOnlyList<EsrField>>();

    /// <summary>The columns this file has for <paramref name="field"/> (any of its notations), most preferred first.</summary>
    public IReadOnlyList<EsrField> Present(EsrField field) =>
        Preferences.TryGetValue(FieldNotations.FieldOf(field), out var present) ? present : Has(field) ? [field] : [];
}

/// <summary>
/// Two columns that both mean one field (FTE and WTE). The file loads only if they agree on every row (the kept
/// column is read); at the first row where they differ it is refused as an ambiguous header, naming both.
/// </summary>
public sealed record DuplicateColumn(EsrField Field, int KeptColumn, string KeptName, int OtherColumn, string OtherName);
