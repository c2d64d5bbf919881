namespace StaffDataPipeline.Normalisation;

/// <summary>
/// The post as the source described it (title, staff group, codes, grade as written): stored once per distinct post
/// so that <c>staffdata remap</c> can re-derive roles after a rule change without the source file.
/// </summary>
public sealed record PostDescriptors(
    string PositionTitle,
    string StaffGroup,
    string OccupationCode,
    string AreaOfWork,
    string JobRole,
    string CostCentre,
    string GradeAsWritten)
{
    public Taxonomy.MappingInput ToMappingInput() =>
        new(PositionTitle, StaffGroup, OccupationCode, AreaOfWork, JobRole, CostCentre, GradeAsWritten);
}
