namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// Decides when a file being copied in is complete: its size and last-write time have stayed the same for the settle
/// time. Fed by every scan; forgets files that have left the folder.
/// </summary>
public sealed class SettleTracker
{
    private readonly TimeSpan _settle;
    private readonly Dictionary<string, (InboxFile File, DateTimeOffset Since)> _seen = new(StringComparer.Ordinal);

    public SettleTracker(TimeSpan settle) => _settle = settle;

    /// <summary>Files that have settled as of <paramref name="now"/>, and whether any are still settling (so the next scan should come soon).</summary>
    public (IReadOnlyList<InboxFile> Settled, bool AnySettling) Observe(IReadOnlyList<InboxFile> scan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var settled = new List<InboxFile>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var settling = false;
        foreach (var file in scan)
        {
            present.Add(file.Path);
            if (!_seen.TryGetValue(file.Path, out var seen) || seen.File != file)
            {
                _seen[file.Path] = (file, now);
                seen = (file, now);
            }

            if (now - seen.Since >= _settle)
            {
                settled.Add(file);
            }
            else
            {
                settling = true;
            }
        }

        foreach (var gone in _seen.Keys.Where(p => !present.Contains(p)).ToList())
        {
            _seen.Remove(gone);
        }

        return (settled, settling);
    }

    /// <summary>How long <paramref name="file"/> has been unchanged as of <paramref name="now"/> (zero for a file this tracker has not seen).</summary>
    public TimeSpan QuietFor(InboxFile file, DateTimeOffset now) =>
        _seen.TryGetValue(file.Path, out var seen) && seen.File == file ? now - seen.Since : TimeSpan.Zero;
}
