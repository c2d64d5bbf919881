namespace StaffDataPipeline.Taxonomy;

/// <summary>How a post's service area was decided: the place as the rules read it, every rule tried in order, and the decision.</summary>
public sealed record ServiceAreaExplanation(string Place, IReadOnlyList<ServiceAreaTrial> Trials, ServiceAreaDecision Decision);

/// <summary>One service-area rule tried: its id, the service area it gives, whether it matched, and why.</summary>
public sealed record ServiceAreaTrial(string RuleId, string ServiceAreaCode, bool Matched, string Why, string SourceFile, int SourceLine);
