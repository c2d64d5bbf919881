using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// How a post's role was decided, step by step: what the rules read (the normalised text, the abbreviations
/// expanded), every exclusion and rule tried in order with why it did or did not match, and the decision.
/// What `staffdata explain` prints.
/// </summary>
public sealed record MappingExplanation(
    string NormalisedTitle,
    IReadOnlyList<string> Expansions,
    string Context,
    string Place,
    string StaffGroup,
    string OccupationCode,
    Grade Grade,
    IReadOnlyList<RuleTrial> Trials,
    RoleDecision Decision,
    string Fallback);

/// <summary>One exclusion or rule tried: its id, the role it gives, whether it matched, and why.</summary>
public sealed record RuleTrial(string Layer, string Id, string RoleCode, bool Matched, string Why, string SourceFile, int SourceLine);
