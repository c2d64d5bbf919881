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

    /// <summary>Serve:Https:*: the certificate the service serves HTTPS with, for an https:// address in Serve:Urls.</summary>
    public HttpsSettings Https { get; set; } = new();

    /// <summary>
    /// The address (IP) of a TLS-terminating reverse proxy in front of the service, declared so that the service may
    /// listen beyond loopback on plain HTTP. Requests from it are told apart by its X-Forwarded-For and
    /// X-Forwarded-Proto headers; one from it without X-Forwarded-For is never treated as from this machine.
    /// </summary>
    public string TlsProxy { get; set; } = string.Empty;

    /// <summary>The largest upload the "Send a return" page takes in one request, in bytes; a larger one is refused before it is read.</summary>
    public long UploadMaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most files the page takes in one request.</summary>
    public int UploadMaxFiles { get; set; } = 20;

    /// <summary>Failed sign-ins from one address within <see cref="SignInWindowMinutes"/> after which that address is refused (HTTP 429) until the window passes.</summary>
    public int SignInFailuresAllowed { get; set; } = 5;

    public double SignInWindowMinutes { get; set; } = 15;
}

/// <summary>Serve:Https:* settings.</summary>
public sealed class HttpsSettings
{
    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>The .pfx file's password (better from an environment variable, STAFFDATA__SERVE__HTTPS__CERTIFICATEPASSWORD, than a settings file).</summary>
    public string CertificatePassword { get; set; } = string.Empty;
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
