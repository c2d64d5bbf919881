using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Surveys;

/// <summary>How a survey line's role is decided, at load and at remap alike.</summary>
public static class SurveyRoles
{
    /// <summary>Survey lines are genomics workforce by definition: the rules see this as the post's area of work.</summary>
    public const string SurveyContext = "Genomics service (survey return)";

    public const string TaxonomyCodeRule = "TAXONOMY-CODE";

    public static RoleDecision Decide(RoleMapper mapper, string role, string? grade)
    {
        var code = role.Trim().ToUpperInvariant();
        if (mapper.Taxonomy.Contains(code))
        {
            return new RoleDecision(code, TaxonomyCodeRule, mapper.Grades.Parse(grade));
        }

        var decision = mapper.Map(new MappingInput(role, null, null, SurveyContext, null, null, grade));

        // A return only lists genomics posts: a title no rule decides is for review, not out of scope.
        return decision.RuleId == RoleDecision.DefaultOutOfScopeRule ? decision with { RoleCode = Role.Unmapped, RuleId = RoleDecision.DefaultUnmappedRule } : decision;
    }
}
