using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Decides the taxonomy role of a post in layers: the title is normalised (abbreviations expanded); the scope
/// exclusions are tried first (a post whose place is Medical Physics is out of scope whatever its title); then the
/// rules top to bottom, the first that matches deciding (grade decides level where a rule says so). When none does,
/// a post with genomics signals is UNMAPPED (review queue), anything else OUT-OF-SCOPE. A load, which needs only the
/// decisions that take a post in, tries the rules first and the exclusions after (<see cref="MapInScope"/>): the same
/// posts come in, by the same rules.
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
    private readonly TitleNormaliser _titles;
    private readonly GradeCatalogue _grades;
    private readonly DirectMappedCache<MappingInput, RoleDecision> _cache = new(CacheSlotBits);

    // MapInScope's own: null there is "out of scope, reason not worked out", which Map never returns.
    private readonly DirectMappedCache<MappingInput, RoleDecision?> _inScopeCache = new(CacheSlotBits);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RoleDecision Map(in MappingInput input) => _cache.GetOrAdd(input, static (post, fields) => fields.Decide(post), _fields);

    /// <summary>
    /// <see cref="Map"/>'s decision when it takes the post in scope; null when it puts the post out of scope, without
    /// working out which exclusion or fallback does (a load counts such a row and reads nothing else of it). The rules
    /// are tried before the exclusions here, so a post met once is mostly decided without matching its place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RoleDecision? MapInScope(in MappingInput input) => _inScopeCache.GetOrAdd(input, static (post, fields) => fields.DecideInScope(post), _fields);

    /// <summary>
    /// The decision <see cref="Map"/> makes, with every step that led to it, for `staffdata explain`: the fast path
    /// decides the post again with a trace, and the trace is rendered (<see cref="TraceText"/>), so the explanation is
    /// of the computation that decided. Rules after the deciding one are not listed: they were not tried.
    /// </summary>
    public MappingExplanation Explain(in MappingInput input)
    {
        var trace = new FieldDecisions.Trace(_fields);
        var decision = _fields.Decide(input, trace);
        var trials = new List<RuleTrial>();
        var lastExclusion = trace.Excluded >= 0 ? trace.Excluded : _exclusions.Count - 1;
        for (var j = 0; j <= lastExclusion; j++)
        {
            var exclusion = _exclusions[j];
            var (matched, why) = TraceText.Exclusion(exclusion, trace, j);
            trials.Add(new RuleTrial("exclusion", exclusion.ExclusionId, Role.OutOfScope, matched, why, exclusion.SourceFile, exclusion.SourceLine));
        }

        if (trace.Excluded < 0)
        {
            var lastRule = trace.Rule >= 0 ? trace.Rule : _rules.Count - 1;
            for (var i = 0; i <= lastRule; i++)
            {
                var rule = _rules[i];
                var (matched, why) = TraceText.Rule(rule, trace, i);
                trials.Add(new RuleTrial("rule", rule.RuleId, rule.RoleCode, matched, why, rule.SourceFile, rule.SourceLine));
            }
        }

        var fallback = decision.RuleId switch
        {
            RoleDecision.DefaultUnmappedRule => "No rule decided, and the title or context has a genomics signal (genomics-signals.csv): UNMAPPED, listed by `staffdata unmapped` for review.",
            RoleDecision.DefaultOutOfScopeRule => "No rule decided, and nothing in the title or context is a genomics signal (genomics-signals.csv): OUT-OF-SCOPE.",
            _ => string.Empty,
        };

        // The abbreviations expanded are for the reader: the decision read the same normalised text, from its cache.
        var expansions = new List<string>();
        _titles.Normalise(input.PositionTitle, expansions);
        _titles.Normalise(input.JobRole, expansions);
        return new MappingExplanation(
            trace.EffectiveTitle,
            expansions,
            PostContext.Context(trace.Title, trace.Area, trace.CostCentre, trace.JobRole),
            PostContext.Place(trace.Area, trace.CostCentre),
            trace.StaffGroupText,
            trace.OccupationCode,
            trace.GradeRead,
            trials,
            decision,
            fallback);
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
}
