namespace StaffDataPipeline.Csv.RoleMapping;

/// <summary>What `map-roles` wrote: how many rows, and the headings of the input's person-level columns it left out.</summary>
public sealed record RoleMappingResult(long Rows, IReadOnlyList<string> ColumnsLeftOut);
