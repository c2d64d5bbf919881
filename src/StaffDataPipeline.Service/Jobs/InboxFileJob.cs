using Hangfire;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Jobs;

/// <summary>
/// Loads one file the workforce team dropped, then moves it out of the inbox: to processed/yyyy-MM when it loaded (or
/// was loaded before), to rejected/ with its report when its content is wrong. A file that failed for an environment
/// reason stays and is tried again later. Re-entrant: run twice, the hash ledger loads nothing twice and the second
/// run only finishes the move. A file that did not load (rejected, held, or failed and tried again later) ends the job with
/// a <see cref="LoadOutcomeException"/>: Hangfire shows it as Failed with "Rejected: CODE, file" as its reason.
/// </summary>
public sealed class InboxFileJob
{
    private readonly LoadPipeline _pipeline;
    private readonly WatchSettings _watch;
    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxFileJob> _logger;

    public InboxFileJob(LoadPipeline pipeline, WatchSettings watch, IBackgroundJobClient jobs, TimeProvider time, ILogger<InboxFileJob> logger)
    {
        _pipeline = pipeline;
        _watch = watch;
        _jobs = jobs;
        _time = time;
        _logger = logger;
    }

    [AutomaticRetry(Attempts = 0, ExceptOn = [typeof(LoadOutcomeException)])]
    [JobDisplayName("Inbox: {0}")]
    [OutcomeReason]
    public async Task<InboxOutcome> LoadAsync(string path, long length, long lastWriteTicks, int attempt, CancellationToken cancellationToken)
    {
        var taken = await TakeAsync(new InboxFile(path, length, lastWriteTicks), attempt, cancellationToken);
        return taken.NotLoaded is { } notLoaded ? throw notLoaded : taken.Outcome!;
    }

    /// <summary>
    /// What <see cref="LoadAsync"/> does, for a caller that shows the result itself (the upload page): the outcome, or
    /// why the file did not load, with the pipeline's report of the file (its quarantined rows) when the load ran.
    /// </summary>
    public async Task<InboxTaken> TakeAsync(InboxFile file, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        FileLoadReport? seen = null;
        try
        {
            return new InboxTaken(await TakeOnceAsync(file, attempt, r => seen = r, cancellationToken), seen, null);
        }
        catch (LoadOutcomeException notLoaded)
        {
            return new InboxTaken(null, seen, notLoaded);
        }
    }

    private async Task<InboxOutcome> TakeOnceAsync(InboxFile file, int attempt, Action<FileLoadReport> seen, CancellationToken cancellationToken)
    {
        var path = file.Path;
        if (!File.Exists(path))
        {
            return Done(file, "gone", null, null, 0, null, $"{file.Name}: no longer in the inbox (taken by another service node, or moved by hand); nothing to do.");
        }

        if (!file.IsUnchanged())
        {
            return Done(file, "changed", null, null, 0, null, $"{file.Name}: changed after it settled; it will be taken again once it settles.");
        }

        // Taken although it still looked half-written (the watcher waited Watch:IncompleteWaitSeconds): say so wherever it goes.
        var incomplete = FileCompleteness.WhyIncomplete(path);
        FileLoadReport report;
        try
        {
            // A file moved into accept/ was held as far smaller than what it replaces, and the team says it is right.
            var pipeline = InboxFolder.IsAccepted(path) ? _pipeline.With(_pipeline.Options with { AcceptShrink = true }) : _pipeline;
            report = (await pipeline.RunAsync([path], dryRun: false, progress: null, cancellationToken)).Single();
            seen(report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The whole load could not start (warehouse unusable, key mismatch, reference data broken): not the file's fault.
            throw Retry(file, attempt, "FAILED", ex.Message);
        }

        switch (report.Status)
        {
            case FileLoadStatus.Loaded or FileLoadStatus.AlreadyLoaded:
                var month = Path.Combine(_watch.ResolvedProcessedPath, _time.GetLocalNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
                return Move(file, report, attempt, month, writeReport: FileReport.IsWorthWriting(report) || (incomplete is not null && report.Status == FileLoadStatus.Loaded), incomplete);
            case FileLoadStatus.Rejected:
                return Move(file, report, attempt, _watch.ResolvedRejectedPath, writeReport: true, incomplete);
            default:
                // Failed, or being loaded by another process: the file stays in the inbox and is tried again.
                throw Retry(file, attempt, report.ReasonCode ?? report.Status.ToString().ToUpperInvariant(), report.Message ?? report.Status.ToString());
        }
    }

    private InboxOutcome Move(InboxFile file, FileLoadReport report, int attempt, string folder, bool writeReport, string? incomplete)
    {
        string moved;
        try
        {
            moved = FileMover.MoveUnique(file.Path, folder, writeReport ? [FileReport.ReportSuffix, FileReport.ErrorsSuffix] : []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The load is recorded; the next attempt finds it already loaded (or rejects it again) and only moves it.
            throw Retry(file, attempt, "MOVE_FAILED", $"{Verb(report)}, but it could not be moved to {folder}: {ex.Message}");
        }

        // A writer still appending (a copy that paused at a line end) leaves the moved file different from the bytes the
        // load read (the batch's hash): put it back, so the whole file is loaded again and supersedes the part, rather
        // than lying unloaded in processed/.
        if (TakenVersion.ChangedSince(moved, report.Sha256) && TakenVersion.PutBack(moved, Path.GetDirectoryName(file.Path)!) is { } back)
        {
            _logger.LogWarning("{File}: changed after it was taken (another program was still writing it); put back in the inbox as {Back} to be loaded again.", file.Name, Path.GetFileName(back));
            return Done(file, "changed after it was taken", report.ReasonCode, report.BatchId, report.Status == FileLoadStatus.Loaded ? report.Counts.Loaded : 0, back,
                $"{file.Name}: {Verb(report)}, but it changed after it was taken (another program was still writing it); put back in the inbox as {Path.GetFileName(back)} to be loaded again whole.");
        }

        if (incomplete is not null)
        {
            _logger.LogWarning("{File}: taken although {Why} (unchanged for Watch:IncompleteWaitSeconds = {Limit} s); {Verb}.", file.Name, incomplete, _watch.IncompleteWaitSeconds, Verb(report));
        }

        if (writeReport)
        {
            try
            {
                FileReport.Write(moved, report, _time.GetLocalNow(), incomplete is null ? null : $"This file was taken although {incomplete}: it was unchanged for {_watch.IncompleteWaitSeconds:0.#} s, so it was read as it was. If it was cut short, drop the whole file into the inbox again: it replaces this one.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogError("{File}: moved to {Folder}, but its report could not be written: {Reason}", file.Name, folder, ex.Message);
            }
        }

        var sentence = $"{file.Name}: {Verb(report)}; moved to {moved}.{(incomplete is null ? string.Empty : $" It was taken although {incomplete} (unchanged for {_watch.IncompleteWaitSeconds:0.#} s).")}";
        if (report.Status == FileLoadStatus.Rejected)
        {
            // Not a succeeded job: the dashboard's Failed page lists it with this headline. Never retried.
            _logger.LogWarning("{Sentence}", sentence);
            throw new LoadOutcomeException(LoadOutcomeException.HeadlineOf(report) + (incomplete is null ? string.Empty : " (taken incomplete)"), sentence);
        }

        var outcome = report.Status == FileLoadStatus.Loaded ? "loaded" : "already loaded";
        return Done(file, incomplete is null ? outcome : outcome + ", taken incomplete", report.ReasonCode, report.BatchId, report.Status == FileLoadStatus.Loaded ? report.Counts.Loaded : 0, moved, sentence);
    }

    /// <summary>Schedules the next attempt and returns what ends this one: a Failed job, which Hangfire does not retry itself.</summary>
    private LoadOutcomeException Retry(InboxFile file, int attempt, string code, string reason)
    {
        var delay = _watch.RetryDelay(attempt);
        var retry = _jobs.Schedule<InboxFileJob>(JobQueues.Loads, j => j.LoadAsync(file.Path, file.Length, file.LastWriteTicks, attempt + 1, CancellationToken.None), delay);
        var sentence = $"{file.Name}: not loaded ({code}): {reason} It stays in the inbox and is tried again in {delay.TotalMinutes:0.#} min (attempt {attempt + 1}, job {retry}).";
        _logger.LogWarning("{Sentence}", sentence);

        // Not loaded (or loaded but not moved): Failed in Hangfire; the retry is the job scheduled above, not Hangfire's.
        return new LoadOutcomeException($"Will retry in {delay.TotalMinutes:0.#} min: {code}, {file.Name}", sentence);
    }

    private InboxOutcome Done(InboxFile file, string outcome, string? code, long? batch, long rows, string? movedTo, string sentence)
    {
        _logger.LogInformation("{Sentence}", sentence);
        return new InboxOutcome(file.Name, outcome, code, batch, rows, movedTo, sentence);
    }

    private static string Verb(FileLoadReport report) => report.Status switch
    {
        FileLoadStatus.Loaded => $"loaded as batch {report.BatchId} ({report.Counts.Loaded:N0} rows)",
        FileLoadStatus.AlreadyLoaded => $"already loaded as batch {report.BatchId}",
        _ when report.ReasonCode == LoadOutcomeException.HeldReasonCode => $"held ({report.ReasonCode}): {report.Message?.TrimEnd('.')}",
        _ => $"rejected ({report.ReasonCode}): {report.Message?.TrimEnd('.')}",
    };
}
