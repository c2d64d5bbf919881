using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>What the warehouse holds that a rule change can re-decide: every stored post, and every distinct survey role as written.</summary>
public sealed record StoredRoles(IReadOnlyList<StoredPost> Posts, IReadOnlyList<StoredSurveyRole> SurveyRoles);

/// <summary>A post as the source described it, with the role and rule it has now.</summary>
public sealed record StoredPost(long PositionId, PostDescriptors Post, string RoleCode, string RuleId);

/// <summary>A stored post as adapters read it with Dapper (one flat row), turned into a <see cref="StoredPost"/>.</summary>
public sealed record StoredPostRow(long Id, string PositionTitle, string StaffGroup, string OccupationCode, string AreaOfWork, string JobRole, string CostCentre, string GradeAsWritten, string RoleCode, string RuleId)
{
    public StoredPost ToStoredPost() =>
        new(Id, new PostDescriptors(PositionTitle, StaffGroup, OccupationCode, AreaOfWork, JobRole, CostCentre, GradeAsWritten), RoleCode, RuleId);
}

/// <summary>A survey line's role and grade as written, with the role and rule it has now.</summary>
public sealed record StoredSurveyRole(string RoleAsWritten, string? GradeAsWritten, string RoleCode, string RuleId);

/// <summary>
/// The decision for one stored post under the current rules: its role, and the service area its place gives its facts.
/// Facts of a post now out of scope are removed.
/// </summary>
public sealed record PostRoleDecision(long PositionId, string RoleCode, string RuleId, string GradeCode, bool IsInScope, Taxonomy.ServiceAreaDecision ServiceArea);

/// <summary>A survey role (as written) whose role or rule changed under the current rules.</summary>
public sealed record SurveyRoleDecision(string RoleAsWritten, string? GradeAsWritten, string RoleCode, string RuleId, string GradeCode);

/// <summary>
/// One remap, decided in Core and applied by the warehouse in bulk: every post's decision (so every fact records the
/// new taxonomy version), the survey roles that changed, and the version to record.
/// </summary>
public sealed record RoleChanges(
    string TaxonomyVersion,
    int RuleCount,
    IReadOnlyList<PostRoleDecision> Posts,
    IReadOnlyList<SurveyRoleDecision> SurveyRoles,
    DateTimeOffset DecidedAt);

/// <summary>What applying a remap changed in the warehouse (service areas: facts whose service area or its rule changed).</summary>
public sealed record AppliedRoleChanges(long FactsUpdated, long FactsRemovedAsOutOfScope, long SurveyLinesChanged, long ServiceAreaFactsChanged);
