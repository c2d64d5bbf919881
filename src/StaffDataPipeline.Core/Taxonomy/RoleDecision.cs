using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>The role a post maps to, the rule that decided it, and the grade it was read at.</summary>
public sealed record RoleDecision(string RoleCode, string RuleId, Grade Grade)
{
    public const string DefaultUnmappedRule = "DEFAULT-UNMAPPED";
    public const string DefaultOutOfScopeRule = "DEFAULT-OUT-OF-SCOPE";

    public bool IsInScope => RoleCode != Role.OutOfScope;
}
