using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Service.Loads;

namespace StaffDataPipeline.Service.Pages.Upload;

/// <summary>
/// Files sent from /send whose exact bytes were loaded before: like a file dropped again, they leave no batch row, and
/// unlike it no Hangfire job either, so /loads learns of them here. Kept in memory (the latest 200), as Hangfire keeps
/// its jobs beside SQLite: a restart forgets them, and the warehouse never had anything to remember.
/// </summary>
public sealed class RecentUploads
{
    private const int Kept = 200;
    private readonly Lock _gate = new();
    private readonly LinkedList<LoadOutcome> _alreadyLoaded = new();

    public void AlreadyLoaded(InboxOutcome outcome, DateTimeOffset at)
    {
        lock (_gate)
        {
            _alreadyLoaded.AddFirst(LoadOutcome.AlreadyLoaded(outcome, at));
            if (_alreadyLoaded.Count > Kept)
            {
                _alreadyLoaded.RemoveLast();
            }
        }
    }

    public IReadOnlyList<LoadOutcome> Read()
    {
        lock (_gate)
        {
            return [.. _alreadyLoaded];
        }
    }
}
