using System.Runtime.CompilerServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Decides a post's service area (rare disease, inherited cancer, cancer (somatic), unspecified) from its place: the
/// rules of service-area-rules.csv are tried top to bottom on the area of work and cost centre, normalised as the
/// role rules read them, and the first that matches decides; when none does the post is Unspecified. Apart from the
/// role mapper: a post's service area does not depend on its title, and a rule change here re-decides no role.
/// Decisions are kept per distinct place (a cost centre repeats across a department's posts); safe across threads.
/// </summary>
public sealed class ServiceAreaDecider
{
    private const int CacheSlotBits = 12;
    private readonly TitleNormaliser _titles;
    private readonly DirectMappedCache<(string Area, string CostCentre), ServiceAreaDecision> _cache = new(CacheSlotBits);

    public ServiceAreaDecider(IReadOnlyList<ServiceAreaRule> rules, TitleNormaliser titles)
    {
        Rules = rules;
        _titles = titles;
    }

    public IReadOnlyList<ServiceAreaRule> Rules { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ServiceAreaDecision Decide(string? areaOfWork, string? costCentre) =>
        _cache.GetOrAdd((areaOfWork ?? string.Empty, costCentre ?? string.Empty), static (place, self) => self.DecideUncached(place.Area, place.CostCentre), this);

    /// <summary>The decision <see cref="Decide"/> makes, with every rule tried and why it did or did not match, for `staffdata explain`.</summary>
    public ServiceAreaExplanation Explain(string? areaOfWork, string? costCentre)
    {
        var area = _titles.Normalise(areaOfWork);
        var centre = _titles.Normalise(costCentre);
        var place = PostContext.Place(area, centre);
        var trials = new List<ServiceAreaTrial>();
        foreach (var rule in Rules)
        {
            var (matched, why) = rule.Explain(place, area, centre);
            trials.Add(new ServiceAreaTrial(rule.RuleId, rule.ServiceAreaCode, matched, why, rule.SourceFile, rule.SourceLine));
            if (matched)
            {
                return new ServiceAreaExplanation(place, trials, new ServiceAreaDecision(rule.ServiceAreaCode, rule.RuleId));
            }
        }

        return new ServiceAreaExplanation(place, trials, ServiceAreaDecision.Unspecified);
    }

    private ServiceAreaDecision DecideUncached(string areaOfWork, string costCentre)
    {
        var area = _titles.Normalise(areaOfWork);
        var centre = _titles.Normalise(costCentre);
        var place = PostContext.Place(area, centre);
        foreach (var rule in Rules)
        {
            if (rule.Holds(place, area, centre))
            {
                return new ServiceAreaDecision(rule.ServiceAreaCode, rule.RuleId);
            }
        }

        return ServiceAreaDecision.Unspecified;
    }
}
