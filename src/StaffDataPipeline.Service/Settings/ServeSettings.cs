namespace StaffDataPipeline.Service.Settings;

/// <summary>Serve:* settings: where the service listens and who may use its dashboard.</summary>
public sealed class ServeSettings
{
    /// <summary>Addresses Kestrel listens on, separated by ';'. Loopback by default: nothing is reachable from another machine.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Hangfire workers for SQL Server (files in parallel). SQLite allows one writer, so it always has one.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How long a stop waits for the load in flight to roll back before the process exits.</summary>
    public double ShutdownSeconds { get; set; } = 30;

    /// <summary>How often Hangfire looks for delayed jobs (retries of files that failed); lower in tests.</summary>
    public double SchedulePollingSeconds { get; set; } = 15;

    /// <summary>/health reports Degraded when no file has loaded for this long (0 turns the check off).</summary>
    public double MaxHoursSinceLastLoad { get; set; } = 36;

    public DashboardSettings Dashboard { get; set; } = new();
}

/// <summary>Serve:Dashboard:* settings.</summary>
public sealed class DashboardSettings
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/hangfire";

    /// <summary>
    /// People who may open the dashboard from another machine (basic authentication; put it behind TLS). Requests
    /// from this machine need no password. Without users, the service refuses to listen beyond loopback.
    /// </summary>
    public List<DashboardUser> Users { get; set; } = [];
}

/// <summary>One dashboard login. The hash comes from `staffdata hash-password`; the password itself is never stored.</summary>
public sealed class DashboardUser
{
    public string Name { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>Viewers see the jobs but cannot trigger, retry or delete them.</summary>
    public bool ReadOnly { get; set; } = true;
}
