using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A decision's trace in words, for `staffdata explain`: for one exclusion or rule, whether it matched and why, read
/// from what the decision found (<see cref="FieldDecisions.Trace"/>), never by testing the post again. A rule's
/// conditions are named in the order the decision reads them (title, place, staff group, occupation code, grade,
/// then context), so the first that did not hold is the one that stopped it.
/// </summary>
internal static class TraceText
{
    public static (bool Matched, string Why) Exclusion(ScopeExclusion exclusion, FieldDecisions.Trace trace, int j)
    {
        var reasons = new List<string>();
        if (exclusion.Place is not null)
        {
            if (!trace.ExclusionPlaceHeld(j))
            {
                return (false, $"place does not match '{exclusion.Place}'");
            }

            reasons.Add($"place matches '{exclusion.Place}'");
        }

        if (exclusion.StaffGroup is not null)
        {
            if (!trace.ExclusionStaffGroupHeld(j))
            {
                return (false, $"staff group does not match '{exclusion.StaffGroup}'");
            }

            reasons.Add($"staff group matches '{exclusion.StaffGroup}'");
        }

        if (exclusion.Unless is not null && trace.ExclusionUnlessHeld(j))
        {
            return (false, $"{string.Join("; ", reasons)}, but the place also matches '{exclusion.Unless}' (a genomics service)");
        }

        return (true, string.Join("; ", reasons));
    }

    public static (bool Matched, string Why) Rule(MappingRule rule, FieldDecisions.Trace trace, int i)
    {
        var held = new List<string>();
        foreach (var (name, pattern, holds) in new (string, Regex?, Func<int, bool>)[] { ("title", rule.Title, trace.TitleHeld), ("place", rule.Place, trace.PlaceHeld), ("staff group", rule.StaffGroup, trace.StaffGroupHeld), ("occupation code", rule.OccupationCode, trace.OccupationHeld) })
        {
            if (pattern is null)
            {
                continue;
            }

            if (!holds(i))
            {
                return (false, $"{name} does not match '{pattern}'");
            }

            held.Add($"{name} matches '{pattern}'");
        }

        if (rule.Grades is not null)
        {
            if (!trace.GradeHeld(i))
            {
                return (false, $"grade {trace.GradeRead.Code} is not in '{rule.Grades}'");
            }

            held.Add($"grade {trace.GradeRead.Code} is in '{rule.Grades}'");
        }

        if (rule.Context is not null)
        {
            if (!trace.ContextHeld(i))
            {
                return (false, $"context does not match '{rule.Context}'");
            }

            held.Add($"context matches '{rule.Context}'");
        }

        return (true, string.Join("; ", held));
    }
}
