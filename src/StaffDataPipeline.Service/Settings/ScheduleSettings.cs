namespace StaffDataPipeline.Service.Settings;

/// <summary>Schedule:* settings: the recurring loads. Registered with Hangfire at every start, so nothing is lost when its storage is in memory.</summary>
public sealed class ScheduleSettings
{
    public List<ScheduledLoad> Jobs { get; set; } = [];

    /// <summary>The job with this id (ids are compared ignoring case), or null.</summary>
    public ScheduledLoad? Find(string id) => Jobs.Find(j => string.Equals(j.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The sentence for an id no job has, naming the ones configured.</summary>
    public string NotFound(string id) =>
        $"no job '{id}' in Schedule:Jobs{(Jobs.Count > 0 ? $"; configured: {string.Join(", ", Jobs.Select(j => j.Id))}" : string.Empty)}.";
}

/// <summary>One recurring load: which paths, when, and with which load options.</summary>
public sealed class ScheduledLoad
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Five-field cron (minute hour day month weekday), read by Cronos, for example "0 22 * * *".</summary>
    public string Cron { get; set; } = string.Empty;

    /// <summary>IANA or Windows time zone id; the cron is read in this zone's local time.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Files and folders to load, as for `staffdata load`.</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>Snapshot month for files that do not carry one (yyyy-mm); usually blank.</summary>
    public string Snapshot { get; set; } = string.Empty;

    /// <summary>Overrides Load:RejectThreshold for this job.</summary>
    public double? RejectThreshold { get; set; }
}
