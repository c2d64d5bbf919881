using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Service.Jobs;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// Enqueues one job per settled version of a file, however many events and scans (and, on SQL Server storage, however
/// many service nodes) see it: the key is recorded in Hangfire's storage under its distributed lock. What a job then
/// loads is decided by the warehouse's file-hash ledger, so a second job for the same bytes loads nothing.
/// </summary>
public sealed class InboxEnqueuer
{
    private static readonly TimeSpan Remember = TimeSpan.FromDays(7);
    private readonly JobStorage _storage;
    private readonly IBackgroundJobClient _jobs;
    private readonly ILogger<InboxEnqueuer> _logger;
    // Called from the watcher's one loop only.
    private readonly HashSet<string> _enqueuedHere = new(StringComparer.Ordinal);

    public InboxEnqueuer(JobStorage storage, IBackgroundJobClient jobs, ILogger<InboxEnqueuer> logger)
    {
        _storage = storage;
        _jobs = jobs;
        _logger = logger;
    }

    /// <summary>Forgets keys of files no longer in the folder, so a long-running service holds only what it can see.</summary>
    public void KeepOnly(IEnumerable<InboxFile> present) => _enqueuedHere.IntersectWith(present.Select(f => f.Key));

    /// <summary>True when this call enqueued the file; false when it was enqueued before (here or by another node).</summary>
    public bool TryEnqueue(InboxFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (_enqueuedHere.Contains(file.Key))
        {
            return false;
        }

        var hash = "staffdata:inbox:" + file.Key;
        using var connection = _storage.GetConnection();
        using (connection.AcquireDistributedLock(hash, TimeSpan.FromSeconds(30)))
        {
            if (connection.GetAllEntriesFromHash(hash) is { Count: > 0 })
            {
                _enqueuedHere.Add(file.Key);
                return false;
            }

            var jobId = _jobs.Enqueue<InboxFileJob>(JobQueues.Loads, j => j.LoadAsync(file.Path, file.Length, file.LastWriteTicks, 1, CancellationToken.None));
            using var transaction = connection.CreateWriteTransaction();
            transaction.SetRangeInHash(hash, [new("job", jobId), new("file", file.Name)]);
            if (transaction is JobStorageTransaction expiring)
            {
                expiring.ExpireHash(hash, Remember);
            }

            transaction.Commit();
            _enqueuedHere.Add(file.Key);
            _logger.LogInformation("{File}: settled at {Bytes} bytes; queued as job {Job}", file.Name, file.Length, jobId);
            return true;
        }
    }
}
