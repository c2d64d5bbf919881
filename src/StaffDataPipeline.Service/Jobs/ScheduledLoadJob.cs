using Hangfire;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Hosting.Packs;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Jobs;

/// <summary>
/// One run of a recurring load from Schedule:Jobs. Loads its paths with the job's options; files loaded before are
/// recognised by the hash ledger, so a run repeated after a crash loads nothing twice. Files stay where they are. With
/// BuildPack, the plan then runs and the planning pack is published to Schedule:Outbox, also when a file was rejected
/// (the warehouse holds whole files only, so the pack shows what is loaded, and its coverage names what is missing).
/// </summary>
public sealed class ScheduledLoadJob
{
    private readonly ScheduleSettings _schedule;
    private readonly LoadPipeline _pipeline;
    private readonly LoadOptions _options;
    private readonly PackPublisher _packs;
    private readonly PackOutbox _outbox;
    private readonly ILogger<ScheduledLoadJob> _logger;

    public ScheduledLoadJob(ScheduleSettings schedule, LoadPipeline pipeline, LoadOptions options, PackPublisher packs, PackOutbox outbox, ILogger<ScheduledLoadJob> logger)
    {
        _schedule = schedule;
        _pipeline = pipeline;
        _options = options;
        _packs = packs;
        _outbox = outbox;
        _logger = logger;
    }

    [AutomaticRetry(Attempts = 3, ExceptOn = [typeof(LoadOutcomeException)])]
    [JobDisplayName("Scheduled load: {0}")]
    [OutcomeReason]
    public async Task<ScheduledOutcome> RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = _schedule.Find(jobId)
            ?? throw new InvalidOperationException($"Scheduled job '{jobId}' is no longer in Schedule:Jobs; nothing was loaded.");
        var reports = await Run(job, cancellationToken);
        var outcome = ScheduledOutcome.Of(job.Id, reports);
        if (job.BuildPack)
        {
            outcome = outcome.WithPack(await PublishPackAsync(job, cancellationToken));
        }

        if (outcome.Rejected + outcome.Failed > 0)
        {
            // A run with a file that did not load is not a succeeded job. Not retried: the rejected files would be
            // rejected again, and the next scheduled run tries the failed ones (the ledger skips what loaded).
            _logger.LogWarning("Scheduled load {Job}: {Summary}", job.Id, outcome.Summary);
            throw new LoadOutcomeException(ScheduledOutcome.Headline(reports), $"Scheduled load {job.Id}: {outcome.Summary}");
        }

        _logger.LogInformation("Scheduled load {Job}: {Summary}", job.Id, outcome.Summary);
        return outcome;
    }

    /// <summary>Runs the plan and publishes the pack; the sentence for the job's outcome.</summary>
    public async Task<string> PublishPackAsync(ScheduledLoad job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        PackManifest? manifest;
        try
        {
            manifest = await _packs.PublishAsync(job.PackScenarios, _outbox, cancellationToken);
        }
        catch (Planning.Scenarios.UnknownScenarioException e)
        {
            // The load has committed; a scenario that cannot run is the pack's outcome, not a reason to load again.
            _logger.LogWarning("Scheduled job {Job}: no planning pack: {Reason}", job.Id, e.Message);
            return $"no planning pack: {e.Message}";
        }

        var sentence = manifest is null
            ? "no planning pack: the warehouse holds no staff in post yet"
            : $"planning pack {manifest.Id} published ({string.Join(", ", manifest.Scenarios)}; data as of {manifest.DataAsOf:yyyy-MM-dd})";
        _logger.LogInformation("Scheduled job {Job}: {Pack}", job.Id, sentence);
        return sentence;
    }

    /// <summary>The load itself, for `staffdata run-job` when no service is running.</summary>
    public Task<IReadOnlyList<FileLoadReport>> Run(ScheduledLoad job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Paths.Count == 0)
        {
            // A job that only builds the planning pack.
            return Task.FromResult<IReadOnlyList<FileLoadReport>>([]);
        }

        var options = _options with
        {
            RejectThreshold = job.RejectThreshold ?? _options.RejectThreshold,
            Snapshot = string.IsNullOrWhiteSpace(job.Snapshot) ? _options.Snapshot
                : Normalisation.TextValues.TryMonth(job.Snapshot, out var month) ? month
                : throw new InvalidOperationException($"Scheduled job '{job.Id}': Snapshot '{job.Snapshot}' is not a month (yyyy-mm)."),
        };
        return _pipeline.With(options).RunAsync(job.Paths, dryRun: false, progress: null, cancellationToken);
    }
}

/// <summary>A scheduled run's result as kept in Hangfire's storage: counts and batch ids, never rows.</summary>
public sealed record ScheduledOutcome(string JobId, int Loaded, int AlreadyLoaded, int Rejected, int Failed, IReadOnlyList<long> Batches, string Summary)
{
    /// <summary>What the job did about the planning pack (BuildPack), or null.</summary>
    public string? Pack { get; init; }

    public static ScheduledOutcome Of(string jobId, IReadOnlyList<FileLoadReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var loaded = reports.Count(r => r.Status == FileLoadStatus.Loaded);
        var already = reports.Count(r => r.Status == FileLoadStatus.AlreadyLoaded);
        var rejected = reports.Count(r => r.Status == FileLoadStatus.Rejected);
        var failed = reports.Count(r => r.Status is FileLoadStatus.Failed or FileLoadStatus.BeingLoadedElsewhere);
        var batches = reports.Where(r => r.Status == FileLoadStatus.Loaded && r.BatchId is not null).Select(r => r.BatchId!.Value).ToList();
        var summary = $"{loaded} loaded, {already} already loaded, {rejected} rejected, {failed} failed" +
                      (batches.Count > 0 ? $" (batches {string.Join(", ", batches)})" : string.Empty) +
                      string.Concat(reports.Where(r => r.Status is FileLoadStatus.Rejected or FileLoadStatus.Failed).Take(5).Select(r => $"; {r.FileName}: {r.ReasonCode}"));
        return new ScheduledOutcome(jobId, loaded, already, rejected, failed, batches, summary);
    }

    /// <summary>The outcome with the pack's sentence added to its summary.</summary>
    public ScheduledOutcome WithPack(string pack) => this with { Pack = pack, Summary = $"{Summary}; {pack}" };

    /// <summary>The files that did not load, as "Rejected: CODE, file; Held: SUSPICIOUS_SHRINK, file (and 2 more)".</summary>
    public static string Headline(IReadOnlyList<FileLoadReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var notLoaded = reports.Where(r => r.Status is FileLoadStatus.Rejected or FileLoadStatus.Failed or FileLoadStatus.BeingLoadedElsewhere).ToList();
        const int Named = 3;
        return string.Join("; ", notLoaded.Take(Named).Select(LoadOutcomeException.HeadlineOf)) + (notLoaded.Count > Named ? $" (and {notLoaded.Count - Named} more)" : string.Empty);
    }
}
