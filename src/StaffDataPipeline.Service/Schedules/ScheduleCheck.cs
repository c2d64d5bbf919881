using Cronos;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Schedules;

/// <summary>
/// Checks one recurring load before it is registered: the cron parses, the time zone exists, the paths exist, and it
/// does not fall in the hour a clock change skips or repeats (in Europe/London, 01:00–02:00 on the last Sundays of
/// March and October), where a nightly load would run late or twice.
/// </summary>
public static class ScheduleCheck
{
    private static readonly TimeSpan LookAhead = TimeSpan.FromDays(2 * 366);

    public static CronExpression ParseCron(string cron) =>
        CronExpression.Parse(cron.Trim(), cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    public static TimeZoneInfo FindZone(string id) => TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? "Europe/London" : id);

    /// <summary>Errors stop the service; warnings are logged at start and shown by `staffdata jobs`.</summary>
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Check(ScheduledLoad job, string name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var errors = new List<string>();
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(job.Id) || job.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add($"{name}:Id must be a name of letters, digits, '-', '_' or '.'; got '{job.Id}'.");
        }

        CronExpression? cron = null;
        try
        {
            cron = ParseCron(job.Cron);
        }
        catch (CronFormatException ex)
        {
            errors.Add($"{name}:Cron '{job.Cron}' is not a cron expression (minute hour day month weekday, e.g. \"0 22 * * *\"): {ex.Message}");
        }

        TimeZoneInfo? zone = null;
        try
        {
            zone = FindZone(job.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"{name}:TimeZone '{job.TimeZone}' is not a time zone this machine knows (for example Europe/London).");
        }

        if (job.Paths.Count == 0 && !job.BuildPack)
        {
            errors.Add($"{name}:Paths must name at least one file or folder to load (or set BuildPack to true for a job that only builds the planning pack).");
        }

        if (job.PackScenarios.Count > 0 && !job.BuildPack)
        {
            errors.Add($"{name}:PackScenarios names scenarios but BuildPack is not true: set BuildPack to true, or remove PackScenarios.");
        }

        foreach (var path in job.Paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            errors.Add($"{name}:Paths '{path}' does not exist (or this service account cannot see it).");
        }

        if (job.RejectThreshold is < 0 or > 1)
        {
            errors.Add($"{name}:RejectThreshold must be between 0 and 1; got {job.RejectThreshold}.");
        }

        if (cron is not null && zone is not null && FirstClockChangeClash(cron, zone, now) is { } clash)
        {
            warnings.Add($"{name} ({job.Id}): '{job.Cron}' runs at {clash:HH:mm} {zone.Id} time, inside the hour a clock change skips or repeats " +
                         $"(next on {clash:yyyy-MM-dd}); that night the load runs at a shifted time or not as expected. Choose a time outside it, for example 02:30 or 00:30.");
        }

        return (errors, warnings);
    }

    /// <summary>The first wall-clock run, in the next two years, that a clock change makes invalid (skipped) or ambiguous (repeated).</summary>
    public static DateTime? FirstClockChangeClash(CronExpression cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(zone);
        var day = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(now, zone).Date, DateTimeKind.Utc);
        var end = day + LookAhead;
        for (; day < end; day = day.AddDays(1))
        {
            // Only days whose offset changes can clash; their wall-clock runs are the cron read in a zone without changes.
            var startOffset = zone.GetUtcOffset(DateTime.SpecifyKind(day, DateTimeKind.Unspecified));
            var endOffset = zone.GetUtcOffset(DateTime.SpecifyKind(day.AddDays(1), DateTimeKind.Unspecified));
            if (startOffset == endOffset)
            {
                continue;
            }

            foreach (var run in cron.GetOccurrences(day, day.AddDays(1), fromInclusive: true, toInclusive: false))
            {
                var wall = DateTime.SpecifyKind(run, DateTimeKind.Unspecified);
                if (zone.IsInvalidTime(wall) || zone.IsAmbiguousTime(wall))
                {
                    return wall;
                }
            }
        }

        return null;
    }
}
