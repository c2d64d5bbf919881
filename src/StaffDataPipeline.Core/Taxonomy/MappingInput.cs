namespace StaffDataPipeline.Taxonomy;

/// <summary>The descriptors of a post that rules may look at. Never anything about the person.</summary>
public readonly record struct MappingInput(
    string? PositionTitle,
    string? StaffGroup,
    string? OccupationCode,
    string? AreaOfWork,
    string? JobRole,
    string? CostCentre,
    string? Grade);
