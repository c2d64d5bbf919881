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

    /// <summary>The 0-based numbers of the columns whose headings the aliases know as personal (<see cref="EsrField.Personal"/>).</summary>
    public IReadOnlyList<int> PersonalColumnNumbers { get; init; } = [];

    /// <summary>
    /// Every column that identifies or describes a person (identifiers, dates of birth and hire, age, and the columns
    /// header-aliases.csv lists as Personal, synonyms included): what a file written for people to read leaves out. A load
    /// pseudonymises, bands or drops each of them; nothing that maps a post needs one.
    /// </summary>
    public IReadOnlySet<int> PersonLevelColumns()
    {
        var columns = new SortedSet<int>(PersonalColumnNumbers);
        foreach (var (field, column) in Columns)
        {
            if (PersonLevelFields.Contains(field))
            {
                columns.Add(column);
            }
        }

        // The column of a field's synonym that is not read (a Staff Number beside an Employee Number) is in no field's
        // column, but holds the same identifier.
        foreach (var duplicate in DuplicateColumns.Where(d => PersonLevelFields.Contains(d.Field)))
        {
            columns.Add(duplicate.OtherColumn);
        }

        return columns;
    }

    private static readonly HashSet<EsrField> PersonLevelFields =
        [EsrField.PersonId, EsrField.EmployeeNumber, EsrField.AssignmentNumber, EsrField.DateOfBirth, EsrField.AgeInYears, EsrField.HireDate];

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
