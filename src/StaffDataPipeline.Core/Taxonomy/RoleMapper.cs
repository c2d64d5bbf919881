using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Decides the taxonomy role of a post in layers: the title is normalised (abbreviations expanded); the scope
/// exclusions are tried first (a post whose place is Medical Physics is out of scope whatever its title); then the
/// rules top to bottom, the first that matches deciding (grade decides level where a rule says so). When none does,
/// a post with genomics signals is UNMAPPED (review queue), anything else OUT-OF-SCOPE.
/// Decisions are cached per distinct post, and a post not seen before is decided from work done once per field value
/// (<see cref="FieldDecisions"/>), so that a file whose rows are nearly all distinct posts maps almost as fast as one
/// whose posts repeat. Safe to call from several threads at once (a scheduler runs loads in parallel): deciding is
/// pure, and every cache is concurrent and bounded.
/// </summary>
public sealed class RoleMapper
{
    // 4,096 slots: enough for posts that repeat (the genomics posts of a trust, the big staff groups of a national
    // file); small, so that entries a miss pushes out die young instead of filling the older GC generations.
    private const int CacheSlotBits = 12;
    private readonly IReadOnlyList<ScopeExclusion> _exclusions;
    private readonly IReadOnlyList<MappingRule> _rules;
    private readonly Regex _genomicsSignals;
    private readonly TitleNormaliser _titles;
    private readonly GradeCatalogue _grades;
    private readonly DirectMappedCache<MappingInput, RoleDecision> _cache = new(CacheSlotBits);
    private readonly FieldDecisions _fields;

    /// <summary>Survey lines are genomics workforce by definition: the rules see this as the post's area of work.</summary>
    public const string SurveyArea = "Genomics service (survey return)";

    /// <summary>The rule id of a survey role written as a taxonomy code.</summary>
    public const string TaxonomyCodeRule = "TAXONOMY-CODE";

    public RoleMapper(RoleTaxonomy taxonomy, IReadOnlyList<ScopeExclusion> exclusions, IReadOnlyList<MappingRule> rules, Regex genomicsSignals, TitleNormaliser titles, GradeCatalogue grades)
    {
        Taxonomy = taxonomy;
        _exclusions = exclusions;
        _rules = rules;
        _genomicsSignals = genomicsSignals;
        _titles = titles;
        _grades = grades;
        _fields = new FieldDecisions(exclusions, rules, genomicsSignals, titles, grades);
    }

    public RoleTaxonomy Taxonomy { get; }

    public GradeCatalogue Grades => _grades;

    public IReadOnlyList<MappingRule> Rules => _rules;

    public IReadOnlyList<ScopeExclusion> Exclusions => _exclusions;

    /// <summary>A title as every rule sees it (folded, abbreviations expanded): two titles are the same title when these agree.</summary>
    public string NormaliseTitle(string? title) => _titles.Normalise(title);

    public RoleDecision Map(in MappingInput input) => _cache.GetOrAdd(input, static (post, fields) => fields.Decide(post), _fields);

    /// <summary>The decision <see cref="Map"/> makes, with every step that led to it, for `staffdata explain`.</summary>
    public MappingExplanation Explain(in MappingInput input)
    {
        var expansions = new List<string>();
        var post = Describe(input, expansions);
        var trials = new List<RuleTrial>();
        RoleDecision? decision = null;
        foreach (var exclusion in _exclusions)
        {
            var (matched, why) = exclusion.Explain(post);
            trials.Add(new RuleTrial("exclusion", exclusion.ExclusionId, Role.OutOfScope, matched, why, exclusion.SourceFile, exclusion.SourceLine));
            if (matched)
            {
                decision = new RoleDecision(Role.OutOfScope, exclusion.ExclusionId, post.Grade);
                break;
            }
        }

        if (decision is null)
        {
            foreach (var rule in _rules)
            {
                var (matched, why) = rule.Explain(post);
                trials.Add(new RuleTrial("rule", rule.RuleId, rule.RoleCode, matched, why, rule.SourceFile, rule.SourceLine));
                if (matched)
                {
                    decision = new RoleDecision(rule.RoleCode, rule.RuleId, post.Grade);
                    break;
                }
            }
        }

        var fallback = string.Empty;
        if (decision is null)
        {
            decision = Fallback(post);
            fallback = decision.RoleCode == Role.Unmapped
                ? "No rule decided, and the title or context has a genomics signal (genomics-signals.csv): UNMAPPED, listed by `staffdata unmapped` for review."
                : "No rule decided, and nothing in the title or context is a genomics signal (genomics-signals.csv): OUT-OF-SCOPE.";
        }

        return new MappingExplanation(post.Title, expansions, post.Context, post.Place, post.StaffGroup, post.OccupationCode, post.Grade, trials, decision, fallback);
    }

    /// <summary>
    /// The role of a line in a survey return, at load, at remap and in `staffdata explain --survey` alike: a role
    /// written as a taxonomy code is that role; anything else goes through the rules with the area of work
    /// <see cref="SurveyArea"/>, and a title no rule decides is for review rather than out of scope, because a return
    /// lists only genomics posts.
    /// </summary>
    public RoleDecision MapSurveyRole(string role, string? grade)
    {
        var code = role.Trim().ToUpperInvariant();
        return Taxonomy.Contains(code)
            ? new RoleDecision(code, TaxonomyCodeRule, _grades.Parse(grade))
            : ForSurvey(Map(SurveyInput(role, grade)));
    }

    /// <summary>The decision <see cref="MapSurveyRole"/> makes, with every step that led to it.</summary>
    public MappingExplanation ExplainSurveyRole(string role, string? grade)
    {
        var code = role.Trim().ToUpperInvariant();
        if (Taxonomy.Contains(code))
        {
            var parsed = _grades.Parse(grade);
            return new MappingExplanation(_titles.Normalise(role), [], string.Empty, string.Empty, string.Empty, string.Empty, parsed, [], new RoleDecision(code, TaxonomyCodeRule, parsed), $"The role is written as a taxonomy code (roles.csv): it is that role, and no rule is tried ({TaxonomyCodeRule}).");
        }

        var explanation = Explain(SurveyInput(role, grade));
        var decision = ForSurvey(explanation.Decision);
        return decision == explanation.Decision
            ? explanation
            : explanation with { Decision = decision, Fallback = "No rule decided; a survey return lists only genomics posts, so the title is UNMAPPED, listed by `staffdata unmapped` for review rather than out of scope." };
    }

    private static MappingInput SurveyInput(string role, string? grade) => new(role, null, null, SurveyArea, null, null, grade);

    private static RoleDecision ForSurvey(RoleDecision decision) => decision.RuleId == RoleDecision.DefaultOutOfScopeRule
        ? decision with { RoleCode = Role.Unmapped, RuleId = RoleDecision.DefaultUnmappedRule }
        : decision;

    private RoleDecision Fallback(in PostDescription post) => _genomicsSignals.IsMatch(post.Context)
        ? new RoleDecision(Role.Unmapped, RoleDecision.DefaultUnmappedRule, post.Grade)
        : new RoleDecision(Role.OutOfScope, RoleDecision.DefaultOutOfScopeRule, post.Grade);

    private PostDescription Describe(in MappingInput input, List<string>? expansions)
    {
        var title = _titles.Normalise(input.PositionTitle, expansions);
        var jobRole = _titles.Normalise(input.JobRole, expansions);
        var area = _titles.Normalise(input.AreaOfWork);
        var costCentre = _titles.Normalise(input.CostCentre);
        var context = PostContext.Context(title, area, costCentre, jobRole);
        return new PostDescription(
            title.Length > 0 ? title : jobRole,
            context,
            TitleText.Fold(input.StaffGroup),
            (input.OccupationCode ?? string.Empty).Trim().ToUpperInvariant(),
            _grades.Parse(input.Grade))
        {
            Place = PostContext.Place(area, costCentre),
        };
    }
}
