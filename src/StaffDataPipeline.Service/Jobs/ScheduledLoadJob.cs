using Hangfire;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.People;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Jobs;

/// <summary>
/// One run of a recurring load from Schedule:Jobs. Loads its paths with the job's options; files loaded before are
/// recognised by the hash ledger, so a run repeated after a crash loads nothing twice. Files stay where they are.
/// </summary>
public sealed class ScheduledLoadJob
{
    private readonly ScheduleSettings _schedule;
    private readonly ReferenceDataSet _reference;
    private readonly ExtractorRegistry _extractors;
    private readonly IWarehouse _warehouse;
    private readonly WarehouseKeyGuard _keys;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public ScheduledLoadJob(ScheduleSettings schedule, ReferenceDataSet reference, ExtractorRegistry extractors, IWarehouse warehouse, WarehouseKeyGuard keys, LoadOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _schedule = schedule;
        _reference = reference;
        _extractors = extractors;
        _warehouse = warehouse;
        _keys = keys;
        _options = options;
        _time = time;
        _loggers = loggers;
    }

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Scheduled load: {0}")]
    public async Task<ScheduledOutcome> RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var logger = _loggers.CreateLogger<ScheduledLoadJob>();
        var job = _schedule.Jobs.FirstOrDefault(j => string.Equals(j.Id, jobId, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Scheduled job '{jobId}' is no longer in Schedule:Jobs; nothing was loaded.");
        var reports = await Run(job, cancellationToken);
        var outcome = ScheduledOutcome.Of(job.Id, reports);
        if (outcome.Rejected + outcome.Failed > 0)
        {
            logger.LogWarning("Scheduled load {Job}: {Summary}", job.Id, outcome.Summary);
        }
        else
        {
            logger.LogInformation("Scheduled load {Job}: {Summary}", job.Id, outcome.Summary);
        }

        return outcome;
    }

    /// <summary>The load itself, for `staffdata run-job` when no service is running.</summary>
    public Task<IReadOnlyList<FileLoadReport>> Run(ScheduledLoad job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var options = _options with
        {
            RejectThreshold = job.RejectThreshold ?? _options.RejectThreshold,
            Snapshot = string.IsNullOrWhiteSpace(job.Snapshot) ? _options.Snapshot
                : Normalisation.TextValues.TryMonth(job.Snapshot, out var month) ? month
                : throw new InvalidOperationException($"Scheduled job '{job.Id}': Snapshot '{job.Snapshot}' is not a month (yyyy-mm)."),
        };
        var pipeline = new LoadPipeline(_reference, _extractors, _warehouse, _keys, options, _time, _loggers.CreateLogger<LoadPipeline>());
        return pipeline.RunAsync(job.Paths, dryRun: false, progress: null, cancellationToken);
    }
}

/// <summary>A scheduled run's result as kept in Hangfire's storage: counts and batch ids, never rows.</summary>
public sealed record ScheduledOutcome(string JobId, int Loaded, int AlreadyLoaded, int Rejected, int Failed, IReadOnlyList<long> Batches, string Summary)
{
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
}
