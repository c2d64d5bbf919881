using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Warehouse;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// Watches the inbox. A FileSystemWatcher makes it prompt; a scan every Watch:ScanSeconds makes it correct (watchers
/// drop events on network shares and when their buffer overflows). Each scan feeds the settle tracker, and every file
/// that has settled and opens without a sharing violation is enqueued once.
/// </summary>
public sealed class InboxWatcher : BackgroundService
{
    private readonly WatchSettings _settings;
    private readonly InboxEnqueuer _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxWatcher> _logger;
    private readonly SemaphoreSlim _wake = new(0);
    private string? _lastScanError;

    // Why each version of a file (by key) looked still to be arriving; null when it looked whole. Read once per version.
    private readonly Dictionary<string, string?> _incomplete = new(StringComparer.Ordinal);

    public InboxWatcher(WatchSettings settings, InboxEnqueuer queue, TimeProvider time, ILogger<InboxWatcher> logger)
    {
        _settings = settings;
        _queue = queue;
        _time = time;
        _logger = logger;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// An archive or a document dropped in the inbox would sit there for good, unread and unmentioned: once it has
    /// settled it goes to rejected/ with a report saying what it is and what to send instead.
    /// </summary>
    private void RefuseOtherKind(InboxFile file)
    {
        try
        {
            var moved = FileMover.MoveUnique(file.Path, _settings.ResolvedRejectedPath, [FileReport.ReportSuffix]);
            var reason = SourcePaths.OtherKindReason(file.Path) ?? "not a return";
            var report = new FileLoadReport(file.Path, FileLoadStatus.Rejected, new BatchCounts(), TimeSpan.Zero)
            {
                ReasonCode = "NOT_A_RETURN",
                Message = $"{file.Name} is {reason}, which the inbox does not take: drop in the workbooks or CSV exports themselves (.csv, .txt, .xlsx, .xlsm or .xls).",
            };
            FileReport.Write(moved, report, _time.GetLocalNow());
            _logger.LogWarning("{File}: not a return ({Reason}); moved to {Folder} with a report.", file.Name, reason, _settings.ResolvedRejectedPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("{File}: not a return, and it could not be moved to {Folder}: {Reason}", file.Name, _settings.ResolvedRejectedPath, ex.Message);
        }
    }

    /// <summary>The folder exists once the service has started, so the team can drop files at once.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_settings.ResolvedPath);
        Directory.CreateDirectory(Path.Combine(_settings.ResolvedPath, InboxFolder.AcceptFolder));
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = _settings.ResolvedPath;
        var tracker = new SettleTracker(TimeSpan.FromSeconds(_settings.SettleSeconds));
        using var watcher = StartWatcher(folder);
        _logger.LogInformation("Watching {Folder} for returns (settle {Settle} s, scan every {Scan} s)", folder, _settings.SettleSeconds, _settings.ScanSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var settling = Scan(folder, tracker);

            // While a file settles, look again as soon as it could have settled; otherwise at the scan interval or an event.
            var wait = TimeSpan.FromSeconds(settling ? Math.Min(_settings.ScanSeconds, Math.Max(_settings.SettleSeconds / 2, 0.05)) : _settings.ScanSeconds);
            try
            {
                using var timeout = new CancellationTokenSource(wait, _time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
                await _wake.WaitAsync(either.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval passed: scan again.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private bool Scan(string folder, SettleTracker tracker)
    {
        try
        {
            var files = InboxFolder.Scan(folder);
            var others = InboxFolder.OtherKinds(folder);
            var (settled, settling) = tracker.Observe([.. files, .. others], _time.GetUtcNow());
            foreach (var other in settled.Where(others.Contains))
            {
                RefuseOtherKind(other);
            }

            foreach (var file in settled.Except(others))
            {
                if (!InboxFolder.OpensExclusively(file.Path))
                {
                    settling = true;
                }
                else if (StillArriving(file, tracker.QuietFor(file, _time.GetUtcNow())))
                {
                    settling = true;
                }
                else if (_queue.TryEnqueue(file) && _incomplete.GetValueOrDefault(file.Key) is { } why)
                {
                    _logger.LogWarning("{File}: {Why} after {Limit} s unchanged; taken as it is. Its report says so: if rows are missing, drop the whole file in again.", file.Name, why, _settings.IncompleteWaitSeconds);
                }
            }

            _queue.KeepOnly(files);
            var keys = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _incomplete.Keys.Where(k => !keys.Contains(k)).ToList())
            {
                _incomplete.Remove(gone);
            }

            if (_lastScanError is not null)
            {
                _logger.LogInformation("The inbox {Folder} is read and its files queued again.", folder);
            }

            _lastScanError = null;
            return settling;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A share that went away: say so once, keep scanning, and carry on when it is back.
            if (_lastScanError != ex.Message)
            {
                _logger.LogError("The inbox {Folder} cannot be read ({Reason}); still trying every {Scan} s.", folder, ex.Message, _settings.ScanSeconds);
                _lastScanError = ex.Message;
            }

            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The job storage (SQL Server's hangfire schema) is down or its distributed lock timed out: an outage of the
            // database, not of the service. Nothing was recorded for the file, so the next scan queues it once the
            // storage answers. Say so once per kind of fault, and keep watching.
            // Keyed on the kind of fault, not its text: SqlClient's wording changes with the stage the connection reached.
            var kind = "storage:" + ex.GetType().FullName;
            if (_lastScanError != kind)
            {
                _logger.LogError("The job storage cannot be reached ({Type}: {Reason}); files in {Folder} are queued when it answers again (scanning every {Scan} s).", ex.GetType().Name, ex.Message, folder, _settings.ScanSeconds);
                _lastScanError = kind;
            }

            return false;
        }
    }

    /// <summary>
    /// True while a settled file still looks half-written (a copy that paused for longer than the settle time) and has
    /// not yet been quiet for Watch:IncompleteWaitSeconds; after that it is taken as it is, and the log and its job say so.
    /// </summary>
    private bool StillArriving(InboxFile file, TimeSpan quiet)
    {
        if (!_incomplete.TryGetValue(file.Key, out var why))
        {
            why = FileCompleteness.WhyIncomplete(file.Path);
            _incomplete[file.Key] = why;
            if (why is not null)
            {
                _logger.LogInformation("{File}: unchanged for {Settle} s but {Why}: waiting for the rest (up to {Limit} s).", file.Name, _settings.SettleSeconds, why, _settings.IncompleteWaitSeconds);
            }
        }

        if (why is null)
        {
            return false;
        }

        return quiet < TimeSpan.FromSeconds(_settings.IncompleteWaitSeconds);
    }

    private FileSystemWatcher? StartWatcher(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, InternalBufferSize = 64 * 1024 };
            watcher.Created += (_, _) => Wake();
            watcher.Changed += (_, _) => Wake();
            watcher.Renamed += (_, _) => Wake();
            watcher.Error += (_, e) =>
            {
                _logger.LogWarning("The folder watcher lost events ({Reason}); the next scan finds the files anyway.", e.GetException().Message);
                Wake();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            _logger.LogWarning("No folder watcher on {Folder} ({Reason}); relying on the scan every {Scan} s.", folder, ex.Message, _settings.ScanSeconds);
            return null;
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }
}
