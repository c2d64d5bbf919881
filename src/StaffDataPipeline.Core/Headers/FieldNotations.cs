namespace StaffDataPipeline.Headers;

/// <summary>
/// Fields that a source can give in more than one notation, each in its own column: a person by the national
/// identifier or the trust's employee number, a grade by pay band or ESR grade code, a measure by FTE or contracted
/// hours. header-aliases.csv names a column's field and notation; the order in which that file first lists each
/// notation of a field is the order of preference. Which notations exist is fixed here, because each is read
/// differently (a grade code is looked up, hours are divided by the standard week).
/// </summary>
public static class FieldNotations
{
    private static readonly (EsrField Field, string Notation, EsrField Column)[] Known =
    [
        (EsrField.PersonId, "national", EsrField.PersonId),
        (EsrField.PersonId, "local", EsrField.EmployeeNumber),
        (EsrField.Grade, "pay band", EsrField.Grade),
        (EsrField.Grade, "grade code", EsrField.GradeCode),
        (EsrField.Fte, "fte", EsrField.Fte),
        (EsrField.Fte, "hours", EsrField.ContractedHours),
    ];

    /// <summary>The fields that have notations.</summary>
    public static IEnumerable<EsrField> Fields => Known.Select(k => k.Field).Distinct();

    /// <summary>The notations of a field, as written in header-aliases.csv ("national", "local").</summary>
    public static IReadOnlyList<string> NotationsOf(EsrField field) => Known.Where(k => k.Field == field).Select(k => k.Notation).ToList();

    /// <summary>The field a column of this notation holds, or null when the field has no such notation.</summary>
    public static EsrField? ColumnFor(EsrField field, string notation) =>
        Known.FirstOrDefault(k => k.Field == field && string.Equals(k.Notation, notation.Trim(), StringComparison.OrdinalIgnoreCase)) is { Notation: not null } hit ? hit.Column : null;

    /// <summary>The field whose notation this column is (<see cref="EsrField.EmployeeNumber"/> → <see cref="EsrField.PersonId"/>); itself otherwise.</summary>
    public static EsrField FieldOf(EsrField column) =>
        Known.FirstOrDefault(k => k.Column == column) is { Notation: not null } hit ? hit.Field : column;

    /// <summary>"ContractedHours" → "Fte (hours)": this column's field and notation, as messages about header-aliases.csv name it.</summary>
    public static string Describe(EsrField column) =>
        Known.FirstOrDefault(k => k.Column == column) is { Notation: not null } hit ? $"{hit.Field} ({hit.Notation})" : column.ToString();
}
