using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Schedules;

/// <summary>
/// Registers Schedule:Jobs with Hangfire at every start (configuration is the source of truth, so in-memory storage
/// loses history at a restart, never a schedule) and removes recurring loads no longer configured.
/// </summary>
public sealed class RecurringLoads : IHostedService
{
    private const string Prefix = "load:";
    private readonly ScheduleSettings _schedule;
    private readonly IRecurringJobManager _manager;
    private readonly JobStorage _storage;
    private readonly ILogger<RecurringLoads> _logger;

    public RecurringLoads(ScheduleSettings schedule, IRecurringJobManager manager, JobStorage storage, ILogger<RecurringLoads> logger)
    {
        _schedule = schedule;
        _manager = manager;
        _storage = storage;
        _logger = logger;
    }

    public static string RecurringId(string jobId) => Prefix + jobId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in _schedule.Jobs)
        {
            var id = RecurringId(job.Id);
            wanted.Add(id);
            var jobId = job.Id;
            _manager.AddOrUpdate<ScheduledLoadJob>(id, JobQueues.Loads, j => j.RunAsync(jobId, CancellationToken.None), job.Cron.Trim(),
                new RecurringJobOptions { TimeZone = ScheduleCheck.FindZone(job.TimeZone) });
            _logger.LogInformation("Scheduled load {Job}: '{Cron}' ({Zone}), {Paths}", job.Id, job.Cron, job.TimeZone, string.Join(", ", job.Paths));
        }

        using var connection = _storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(r => r.Id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(r.Id)))
        {
            _manager.RemoveIfExists(stale.Id);
            _logger.LogInformation("Scheduled load {Job} removed: no longer in Schedule:Jobs", stale.Id[Prefix.Length..]);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
