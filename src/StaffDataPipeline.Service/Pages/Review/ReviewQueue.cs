using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Pages.Review;

/// <summary>
/// One title of the review queue as the page shows it: the title (as first written), the contexts it came with, the
/// rows and data months, and why the rules left it, in plain words. Titles the rules see as the same (case, spacing,
/// punctuation, abbreviations) are one entry, since one override decides them all.
/// </summary>
internal sealed record ReviewTitle(string Title, IReadOnlyList<UnmappedTitle> Contexts, long Rows, string? FirstData, string? LastData, string Why);

internal static class ReviewQueue
{
    public static IReadOnlyList<ReviewTitle> Of(IReadOnlyList<UnmappedTitle> unmapped, RoleMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(unmapped);
        ArgumentNullException.ThrowIfNull(mapper);
        return unmapped
            .GroupBy(u => mapper.NormaliseTitle(u.PositionTitle), StringComparer.Ordinal)
            .Select(g =>
            {
                var contexts = g.OrderByDescending(u => u.RowCount).ToList();
                var first = contexts[0];
                var data = contexts.Select(c => c.FirstData).Concat(contexts.Select(c => c.LastData)).OfType<string>().Order(StringComparer.Ordinal).ToList();
                return new ReviewTitle(first.PositionTitle, contexts, contexts.Sum(c => c.RowCount), data.FirstOrDefault(), data.LastOrDefault(), Why(first, mapper));
            })
            .OrderByDescending(t => t.Rows)
            .ThenBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>What `staffdata explain` would conclude, as a sentence for someone who does not read regular expressions.</summary>
    private static string Why(UnmappedTitle post, RoleMapper mapper)
    {
        var explained = mapper.Explain(new MappingInput(post.PositionTitle, post.StaffGroup, post.OccupationCode, post.AreaOfWork, post.JobRole, null, null));
        var rules = explained.Trials.Count(t => t.Layer == "rule");
        var expanded = explained.Expansions.Count > 0 ? $" (abbreviations read as {string.Join(", ", explained.Expansions)})" : string.Empty;
        if (explained.Decision.RoleCode != Role.Unmapped)
        {
            // The rules have changed since it was loaded: a remap would move it out of the queue.
            return $"The rules now read it as “{explained.NormalisedTitle}”{expanded} and give it {explained.Decision.RoleCode} (rule {explained.Decision.RuleId}); it leaves this list at the next remap.";
        }

        return $"The rules read it as “{explained.NormalisedTitle}”{expanded}. None of the {rules} mapping rules matched, but it mentions genomics or genetics, so it waits here for a person to choose its role.";
    }
}
