using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Decides the taxonomy role of a post: rules are tried top to bottom and the first that matches decides.
/// When none does, a post with genomics signals is UNMAPPED (review queue), anything else OUT-OF-SCOPE.
/// Decisions are cached per distinct descriptor set: a national extract has millions of rows but few distinct posts.
/// </summary>
public sealed class RoleMapper
{
    private const int CacheLimit = 50_000;
    private readonly IReadOnlyList<MappingRule> _rules;
    private readonly Regex _genomicsSignals;
    private readonly TitleNormaliser _titles;
    private readonly GradeCatalogue _grades;
    private readonly Dictionary<MappingInput, RoleDecision> _cache = [];

    public RoleMapper(RoleTaxonomy taxonomy, IReadOnlyList<MappingRule> rules, Regex genomicsSignals, TitleNormaliser titles, GradeCatalogue grades)
    {
        Taxonomy = taxonomy;
        _rules = rules;
        _genomicsSignals = genomicsSignals;
        _titles = titles;
        _grades = grades;
    }

    public RoleTaxonomy Taxonomy { get; }

    public GradeCatalogue Grades => _grades;

    public IReadOnlyList<MappingRule> Rules => _rules;

    public RoleDecision Map(in MappingInput input)
    {
        if (_cache.TryGetValue(input, out var cached))
        {
            return cached;
        }

        var decision = Decide(input);
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[input] = decision;
        return decision;
    }

    private RoleDecision Decide(in MappingInput input)
    {
        var title = _titles.Normalise(input.PositionTitle);
        var jobRole = _titles.Normalise(input.JobRole);
        var context = string.Join(" | ", new[] { title, _titles.Normalise(input.AreaOfWork), _titles.Normalise(input.CostCentre), jobRole }.Where(s => s.Length > 0));
        var grade = _grades.Parse(input.Grade);
        var post = new PostDescription(
            title.Length > 0 ? title : jobRole,
            context,
            TitleText.Fold(input.StaffGroup),
            (input.OccupationCode ?? string.Empty).Trim().ToUpperInvariant(),
            grade);

        foreach (var rule in _rules)
        {
            if (rule.Matches(post))
            {
                return new RoleDecision(rule.RoleCode, rule.RuleId, grade);
            }
        }

        return _genomicsSignals.IsMatch(context)
            ? new RoleDecision(Role.Unmapped, RoleDecision.DefaultUnmappedRule, grade)
            : new RoleDecision(Role.OutOfScope, RoleDecision.DefaultOutOfScopeRule, grade);
    }
}
