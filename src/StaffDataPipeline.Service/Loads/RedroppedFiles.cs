using System.Text.Json;
using Hangfire;
using StaffDataPipeline.Service.Jobs;

namespace StaffDataPipeline.Service.Loads;

/// <summary>
/// Files dropped into the inbox again whose bytes were already loaded: they leave no batch row, so the page learns of
/// them from Hangfire's recent succeeded inbox jobs (kept for hours in memory beside SQLite, a day on SQL Server).
/// </summary>
internal static class RedroppedFiles
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<LoadOutcome> Read(JobStorage storage, int count)
    {
        var monitoring = storage.GetMonitoringApi();
        var found = new List<LoadOutcome>();
        foreach (var (_, job) in monitoring.SucceededJobs(0, count))
        {
            if (job?.Job?.Type != typeof(InboxFileJob) || job.Result is not string result || job.SucceededAt is not { } at)
            {
                continue;
            }

            InboxOutcome? outcome;
            try
            {
                outcome = JsonSerializer.Deserialize<InboxOutcome>(result, Json);
            }
            catch (JsonException)
            {
                continue;
            }

            if (outcome is not null && outcome.Outcome.StartsWith("already loaded", StringComparison.Ordinal))
            {
                found.Add(LoadOutcome.AlreadyLoaded(outcome, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))));
            }
        }

        return found;
    }
}
