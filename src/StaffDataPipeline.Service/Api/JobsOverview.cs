using Hangfire;
using Hangfire.Storage;
using StaffDataPipeline.Service.Schedules;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Api;

/// <summary>One recurring load as `staffdata jobs` shows it.</summary>
public sealed record JobView(string Id, string Cron, string TimeZone, IReadOnlyList<string> Paths, DateTimeOffset? NextRunLocal, DateTimeOffset? LastRunLocal, string? LastState, string? LastOutcome, IReadOnlyList<string> Warnings)
{
    /// <summary>The job publishes the planning pack (after its load, if it has paths).</summary>
    public bool BuildPack { get; init; }

    public IReadOnlyList<string> PackScenarios { get; init; } = [];
}

/// <summary>Reads the configured loads, their next run (Cronos, in the job's zone) and, from Hangfire's storage, their last outcome.</summary>
public static class JobsOverview
{
    public static IReadOnlyList<JobView> Read(ScheduleSettings schedule, JobStorage? storage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Dictionary<string, RecurringJobDto> recurring = [];
        if (storage is not null)
        {
            using var connection = storage.GetConnection();
            recurring = connection.GetRecurringJobs(schedule.Jobs.Select(j => RecurringLoads.RecurringId(j.Id))).ToDictionary(r => r.Id, StringComparer.Ordinal);
        }

        var monitoring = storage?.GetMonitoringApi();
        return schedule.Jobs.Select(job =>
        {
            var zone = ScheduleCheck.FindZone(job.TimeZone);
            var next = ScheduleCheck.ParseCron(job.Cron).GetNextOccurrence(now, zone);
            recurring.TryGetValue(RecurringLoads.RecurringId(job.Id), out var dto);
            DateTimeOffset? last = dto?.LastExecution is { } l ? TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc)), zone) : null;
            var (_, warnings) = ScheduleCheck.Check(job, job.Id, now);
            return new JobView(job.Id, job.Cron, zone.Id, job.Paths, next, last, dto?.LastJobState, LastResult(monitoring, dto?.LastJobId), warnings)
            {
                BuildPack = job.BuildPack,
                PackScenarios = job.PackScenarios,
            };
        }).ToList();
    }

    /// <summary>What a job does, in words: "loads /data/esr, then publishes the planning pack (baseline, more-stp)".</summary>
    public static string Does(JobView job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var pack = $"publishes the planning pack ({string.Join(", ", job.PackScenarios.Prepend("baseline"))})";
        return (job.Paths.Count > 0, job.BuildPack) switch
        {
            (true, true) => $"loads {string.Join(", ", job.Paths)}, then {pack}",
            (false, true) => pack,
            _ => $"loads {string.Join(", ", job.Paths)}",
        };
    }

    private static string? LastResult(IMonitoringApi? monitoring, string? jobId)
    {
        if (monitoring is null || jobId is null)
        {
            return null;
        }

        var details = monitoring.JobDetails(jobId);
        var latest = details?.History.FirstOrDefault();
        // A run that loaded everything keeps its result; one with a file that did not load failed with the summary as its message.
        return latest?.Data is { } data && (data.TryGetValue("Result", out var result) || data.TryGetValue("ExceptionMessage", out result)) ? result
            : latest?.Reason ?? latest?.StateName;
    }
}
