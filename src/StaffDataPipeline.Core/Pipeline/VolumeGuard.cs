using System.Globalization;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// The volume guard: a file that would supersede an organisation's month (or a return) with far fewer rows than it
/// replaces is usually a filtered or truncated export, and loading it would silently drop people from every view.
/// Like is compared with like: the rows this file has for a scope against the rows of that scope it would supersede.
/// </summary>
internal static class VolumeGuard
{
    public const string ReasonCode = "SUSPICIOUS_SHRINK";

    /// <summary>The one-sentence reason to hold the file, or null when it may supersede what it replaces.</summary>
    public static string? Check(IReadOnlyList<SupersededVolume> volumes, LoadOptions options, string unit)
    {
        if (options.AcceptShrink || options.ShrinkThreshold <= 0)
        {
            return null;
        }

        var shrunk = volumes
            .GroupBy(v => v.Scope, StringComparer.Ordinal)
            .Select(g => (Scope: g.Key, Incoming: g.First().Incoming, Earlier: g.Sum(v => v.Earlier), Batches: g.Select(v => v.EarlierBatch).Distinct().Order().ToList()))
            .Where(s => s.Earlier > 0 && s.Incoming < s.Earlier * options.ShrinkThreshold)
            .OrderBy(s => s.Scope, StringComparer.Ordinal)
            .ToList();
        if (shrunk.Count == 0)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        const int Named = 5;
        var parts = shrunk.Take(Named).Select(s =>
            string.Format(c, "{0}: {1:N0} {2} would replace {3:N0} of batch {4}", s.Scope, s.Incoming, unit, s.Earlier, string.Join(" and ", s.Batches)));
        var more = shrunk.Count > Named ? string.Format(c, " (and {0} more)", shrunk.Count - Named) : string.Empty;
        return string.Format(
            c,
            "Held: {0}{1}, under {2:P0} of what it supersedes, which looks like a filtered or truncated export; the earlier figures stay current. Load with --accept-shrink (or move the file into the inbox's accept/ folder) if the smaller file is right.",
            string.Join("; ", parts),
            more,
            options.ShrinkThreshold);
    }
}
