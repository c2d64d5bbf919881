using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Cli.Output;

/// <summary>`staffdata explain` for people who maintain the rules but do not read code.</summary>
internal static class ExplanationPrinter
{
    public static void Print(TextWriter o, string title, MappingExplanation e, RoleTaxonomy taxonomy)
    {
        // The answer first: the rules tried below run to a hundred lines, and most readers want the decision and the rule.
        var decision = Decision(e, taxonomy);
        o.WriteLine($"In short: {decision}. Why, rule by rule:");
        o.WriteLine();
        o.WriteLine($"Title as written:       {title}");
        o.WriteLine($"Title as rules read it: {Show(e.NormalisedTitle)}");
        o.WriteLine($"Abbreviations expanded: {(e.Expansions.Count > 0 ? string.Join("; ", e.Expansions) : "none")} (title-synonyms.csv)");
        o.WriteLine($"Context:                {Show(e.Context)} ({PostContext.ContextParts}, blank parts left out)");
        o.WriteLine($"Place:                  {Show(e.Place)} ({PostContext.PlaceParts}, blank parts left out)");
        o.WriteLine($"Staff group:            {Show(e.StaffGroup)}; occupation code {Show(e.OccupationCode)}; grade {e.Grade.Code} ({e.Grade.Label})");
        o.WriteLine();
        string? layer = null;
        foreach (var trial in e.Trials)
        {
            if (trial.Layer != layer)
            {
                layer = trial.Layer;
                o.WriteLine(layer == "exclusion"
                    ? "1. Scope exclusions (scope-exclusions.csv), tried first; one that matches makes the post out of scope:"
                    : "2. Title overrides (title-overrides.csv, the team's choice for one exact title, OVR-…), then mapping rules (mapping-rules.csv), top to bottom; the first that matches decides:");
            }

            o.WriteLine($"   {trial.Id,-7} {trial.RoleCode,-17} {(trial.Matched ? "MATCHES" : "no"),-7} {trial.Why}");
        }

        if (e.Fallback.Length > 0)
        {
            o.WriteLine($"3. {e.Fallback}");
        }

        o.WriteLine();
        o.WriteLine($"Decision: {decision}; taxonomy {taxonomy.Version}.");
    }

    /// <summary>The role decided, by which rule and where that rule is written.</summary>
    private static string Decision(MappingExplanation e, RoleTaxonomy taxonomy)
    {
        var decided = e.Decision;
        var role = taxonomy.Contains(decided.RoleCode) ? taxonomy[decided.RoleCode].Name : decided.RoleCode;
        var source = e.Trials.FirstOrDefault(t => t.Matched) is { } match ? $" ({Path.GetFileName(match.SourceFile)} line {match.SourceLine})" : string.Empty;
        return $"{decided.RoleCode} ({role}) by {decided.RuleId}{source}";
    }

    /// <summary>The service area the post's place gives it: every service-area rule tried, top to bottom, and the decision.</summary>
    public static void PrintServiceArea(TextWriter o, ServiceAreaExplanation e)
    {
        o.WriteLine();
        o.WriteLine($"Service area, from the place {Show(e.Place)} (service-area-rules.csv), top to bottom; the first that matches decides:");
        foreach (var trial in e.Trials)
        {
            o.WriteLine($"   {trial.RuleId,-7} {trial.ServiceAreaCode,-17} {(trial.Matched ? "MATCHES" : "no"),-7} {trial.Why}");
        }

        var source = e.Trials.FirstOrDefault(t => t.Matched) is { } match
            ? $" ({Path.GetFileName(match.SourceFile)} line {match.SourceLine})"
            : " (no rule names this place)";
        o.WriteLine($"Service area: {e.Decision.ServiceAreaCode} by {e.Decision.RuleId}{source}.");
    }

    private static string Show(string text) => text.Length > 0 ? $"'{text}'" : "(none)";
}
