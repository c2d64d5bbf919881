namespace StaffDataPipeline.Csv.RoleMapping;

/// <summary>
/// What `map-roles` wrote: how many rows, the headings of the input's person-level columns it left out, and the
/// headings it passed through without knowing them (a reference, a note: or personal data under a heading
/// header-aliases.csv does not list, which the user is told about).
/// </summary>
public sealed record RoleMappingResult(long Rows, IReadOnlyList<string> ColumnsLeftOut, IReadOnlyList<string> UnknownColumnsPassed)
{
    /// <summary>What the user most likely meant, when the header suggests it (job titles headed "Title").</summary>
    public string? Hint { get; init; }
}
