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
    long SourceRow);
