using StaffDataPipeline.Grades;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Normalisation;

/// <summary>One ESR assignment in one snapshot month, typed and pseudonymised: what a loader writes.</summary>
public sealed record StaffFact(
    DateOnly SnapshotDate,
    Organisation Organisation,
    RoleDecision Role,
    Grade Grade,
    string PersonKey,
    string AssignmentKey,
    decimal Fte,
    decimal? ContractedHours,
    bool? IsPrimary,
    string AgeBand,
    PostDescriptors Post,
    long SourceRow)
{
    /// <summary>The service area the post's place gives it, and the rule of service-area-rules.csv that decided it.</summary>
    public required ServiceAreaDecision ServiceArea { get; init; }
}
