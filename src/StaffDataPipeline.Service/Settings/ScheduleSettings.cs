namespace StaffDataPipeline.Service.Settings;

/// <summary>Schedule:* settings: the recurring loads. Registered with Hangfire at every start, so nothing is lost when its storage is in memory.</summary>
public sealed class ScheduleSettings
{
    public List<ScheduledLoad> Jobs { get; set; } = [];

    /// <summary>
    /// Where jobs with BuildPack publish the planning pack (a workbook and a web page each, with a manifest); blank
    /// means outbox/ in the service account's data folder, beside the default inbox. The /packs page serves them.
    /// </summary>
    public string Outbox { get; set; } = string.Empty;

    /// <summary>How many packs the outbox keeps; older ones are removed when a new one is published.</summary>
    public int PacksKept { get; set; } = 20;

    public static string DefaultOutbox { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "staffdata", "outbox");

    public string ResolvedOutbox => Path.GetFullPath(string.IsNullOrWhiteSpace(Outbox) ? DefaultOutbox : Outbox);

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

    /// <summary>
    /// After the load (or alone, with no Paths), run the plan and publish the planning pack to Schedule:Outbox: the
    /// baseline and the scenarios in <see cref="PackScenarios"/>, side by side.
    /// </summary>
    public bool BuildPack { get; set; }

    /// <summary>Scenarios beside the baseline in the pack (names of files in reference-data/scenarios); empty means the baseline alone.</summary>
    public List<string> PackScenarios { get; set; } = [];
}
