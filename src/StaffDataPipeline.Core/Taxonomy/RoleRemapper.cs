using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// `staffdata remap`: re-decides the role of every post and survey role already stored with the current rules, and the
/// service area of every stored post with the current service-area rules, and hands the decisions to the warehouse to
/// apply in bulk. Deciding lives here, so no adapter re-implements the rules.
/// </summary>
public sealed class RoleRemapper
{
    private readonly RoleMapper _mapper;
    private readonly ServiceAreaDecider _serviceAreas;
    private readonly TimeProvider _time;

    public RoleRemapper(RoleMapper mapper, ServiceAreaDecider serviceAreas, TimeProvider time)
    {
        _mapper = mapper;
        _serviceAreas = serviceAreas;
        _time = time;
    }

    public async Task<RemapResult> RemapAsync(IWarehouseReview warehouse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var stored = await warehouse.ReadStoredRolesAsync(cancellationToken);
        var posts = new List<PostRoleDecision>(stored.Posts.Count);
        long changed = 0;
        foreach (var post in stored.Posts)
        {
            var decision = _mapper.Map(post.Post.ToMappingInput());
            var area = _serviceAreas.Decide(post.Post.AreaOfWork, post.Post.CostCentre);
            posts.Add(new PostRoleDecision(post.PositionId, decision.RoleCode, decision.RuleId, decision.Grade.Code, decision.IsInScope, area));
            if (decision.RoleCode != post.RoleCode || decision.RuleId != post.RuleId)
            {
                changed++;
            }
        }

        var survey = new List<SurveyRoleDecision>();
        foreach (var line in stored.SurveyRoles)
        {
            var decision = _mapper.MapSurveyRole(line.RoleAsWritten, line.GradeAsWritten);
            if (decision.RoleCode != line.RoleCode || decision.RuleId != line.RuleId)
            {
                survey.Add(new SurveyRoleDecision(line.RoleAsWritten, line.GradeAsWritten, decision.RoleCode, decision.RuleId, decision.Grade.Code));
            }
        }

        var version = _mapper.Taxonomy.Version;
        var applied = await warehouse.ApplyRoleChangesAsync(new RoleChanges(version, _mapper.Rules.Count, posts, survey, _time.GetUtcNow()), cancellationToken);
        return new RemapResult(version, posts.Count, changed, applied.FactsUpdated, applied.FactsRemovedAsOutOfScope)
        {
            SurveyLinesChanged = applied.SurveyLinesChanged,
            ServiceAreaFactsChanged = applied.ServiceAreaFactsChanged,
        };
    }
}
