using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Decides the taxonomy role of a post: rules are tried top to bottom and the first that matches decides.
/// When none does, a post with genomics signals is UNMAPPED (review queue), anything else OUT-OF-SCOPE.
/// Decisions are cached per distinct descriptor set: a national extract has millions of rows but few distinct posts.
/// Safe to call from several threads at once (a scheduler runs loads in parallel): deciding is pure, and the cache is
/// a concurrent dictionary, emptied when it reaches its bound.
/// </summary>
public sealed class RoleMapper
{
    private const int CacheLimit = 50_000;
    private readonly IReadOnlyList<MappingRule> _rules;
    private readonly Regex _genomicsSignals;
    private readonly TitleNormaliser _titles;
    private readonly GradeCatalogue _grades;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<MappingInput, RoleDecision> _cache = new();
    private int _cached;

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
        if (Interlocked.Increment(ref _cached) > CacheLimit)
        {
            // ConcurrentDictionary.Count takes every lock; a counter is enough to bound memory.
            _cache.Clear();
            Interlocked.Exchange(ref _cached, 0);
        }

        _cache.TryAdd(input, decision);
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
