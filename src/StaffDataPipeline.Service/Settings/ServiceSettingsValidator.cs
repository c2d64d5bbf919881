using StaffDataPipeline.Service.Schedules;

namespace StaffDataPipeline.Service.Settings;

/// <summary>The service's own settings, checked at start so a wrong one stops it before it takes a file.</summary>
public static class ServiceSettingsValidator
{
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Validate(ServeSettings serve, WatchSettings watch, ScheduleSettings schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<string>();
        var warnings = new List<string>();
        var urls = ListenAddresses.Split(serve.Urls);
        if (urls.Count == 0)
        {
            errors.Add("Serve:Urls must name at least one address, for example http://127.0.0.1:5080.");
        }

        var exposed = urls.Where(u => !ListenAddresses.IsLoopback(u)).ToList();
        if (exposed.Count > 0 && serve.Dashboard.Enabled && serve.Dashboard.Users.Count == 0)
        {
            errors.Add($"Serve:Urls includes {string.Join(", ", exposed)}, which other machines can reach, and the dashboard has no users: " +
                       "add Serve:Dashboard:Users (a name and a hash from `staffdata hash-password`), set Serve:Dashboard:Enabled to false, or listen on 127.0.0.1 only.");
        }

        // Credentials never cross plain HTTP off this machine: beyond loopback, HTTPS here or TLS at a declared proxy.
        var plain = exposed.Where(u => !u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).ToList();
        if (plain.Count > 0 && string.IsNullOrWhiteSpace(serve.TlsProxy))
        {
            errors.Add($"Serve:Urls includes {string.Join(", ", plain)}, plain HTTP that other machines can reach, where passwords would cross the network unencrypted: " +
                       "use an https:// address with Serve:Https:CertificatePath (a .pfx file), declare the TLS-terminating proxy in front of the service in Serve:TlsProxy (its IP address), or listen on 127.0.0.1 only.");
        }

        if (urls.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            if (string.IsNullOrWhiteSpace(serve.Https.CertificatePath))
            {
                errors.Add("Serve:Urls has an https:// address but Serve:Https:CertificatePath names no certificate: give the path of a .pfx file (and Serve:Https:CertificatePassword).");
            }
            else if (!File.Exists(serve.Https.CertificatePath))
            {
                errors.Add($"Serve:Https:CertificatePath '{serve.Https.CertificatePath}' does not exist: give the path of a .pfx file.");
            }
        }

        if (!string.IsNullOrWhiteSpace(serve.TlsProxy) && !System.Net.IPAddress.TryParse(serve.TlsProxy.Trim(), out _))
        {
            errors.Add($"Serve:TlsProxy must be the IP address of the TLS-terminating proxy (for example 10.0.0.5 or 127.0.0.1); got '{serve.TlsProxy}'.");
        }

        foreach (var (user, i) in serve.Dashboard.Users.Select((u, i) => (u, i)))
        {
            if (string.IsNullOrWhiteSpace(user.Name) || string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                errors.Add($"Serve:Dashboard:Users:{i} needs a Name and a PasswordHash (from `staffdata hash-password`).");
            }
        }

        if (!serve.Dashboard.Path.StartsWith('/') || serve.Dashboard.Path.Length < 2)
        {
            errors.Add($"Serve:Dashboard:Path must start with '/' and name a path, for example /hangfire; got '{serve.Dashboard.Path}'.");
        }

        Range(errors, "Serve:Workers", serve.Workers, 1, 64);
        Range(errors, "Serve:UploadMaxBytes", serve.UploadMaxBytes, 1024, 2L * 1024 * 1024 * 1024);
        Range(errors, "Serve:UploadMaxFiles", serve.UploadMaxFiles, 1, 1000);
        Range(errors, "Serve:SignInFailuresAllowed", serve.SignInFailuresAllowed, 1, 1000);
        Range(errors, "Serve:SignInWindowMinutes", serve.SignInWindowMinutes, 0.1, 24 * 60);
        Range(errors, "Serve:ShutdownSeconds", serve.ShutdownSeconds, 1, 3600);
        Range(errors, "Serve:SchedulePollingSeconds", serve.SchedulePollingSeconds, 0.1, 3600);
        Range(errors, "Serve:MaxHoursSinceLastLoad", serve.MaxHoursSinceLastLoad, 0, 24 * 366);
        Range(errors, "Watch:SettleSeconds", watch.SettleSeconds, 0, 3600);
        Range(errors, "Watch:ScanSeconds", watch.ScanSeconds, 0.1, 3600);
        Range(errors, "Watch:IncompleteWaitSeconds", watch.IncompleteWaitSeconds, 0, 86_400);
        foreach (var delay in watch.RetryDelaysSeconds)
        {
            Range(errors, "Watch:RetryDelaysSeconds", delay, 0.1, 86_400);
        }

        if (watch.Enabled)
        {
            if (File.Exists(watch.ResolvedPath))
            {
                errors.Add($"Watch:Path '{watch.ResolvedPath}' is a file; it must be a folder.");
            }
            else if (SameFolder(watch.ResolvedPath, watch.ResolvedProcessedPath) || SameFolder(watch.ResolvedPath, watch.ResolvedRejectedPath))
            {
                errors.Add("Watch:ProcessedPath and Watch:RejectedPath must differ from Watch:Path, or every file would be taken again.");
            }
        }

        Range(errors, "Schedule:PacksKept", schedule.PacksKept, 1, 1000);
        if (File.Exists(schedule.ResolvedOutbox))
        {
            errors.Add($"Schedule:Outbox '{schedule.ResolvedOutbox}' is a file; it must be a folder (it is created if missing).");
        }
        else if (watch.Enabled && (SameFolder(schedule.ResolvedOutbox, watch.ResolvedPath) || SameFolder(schedule.ResolvedOutbox, watch.ResolvedProcessedPath) || SameFolder(schedule.ResolvedOutbox, watch.ResolvedRejectedPath)))
        {
            errors.Add("Schedule:Outbox must differ from Watch:Path and its processed and rejected folders: packs published into the inbox would be taken as returns.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (job, i) in schedule.Jobs.Select((j, i) => (j, i)))
        {
            var name = $"Schedule:Jobs:{i}";
            var (jobErrors, jobWarnings) = ScheduleCheck.Check(job, name, now);
            errors.AddRange(jobErrors);
            warnings.AddRange(jobWarnings);
            if (!string.IsNullOrWhiteSpace(job.Id) && !ids.Add(job.Id))
            {
                errors.Add($"{name}:Id '{job.Id}' is used by another job; each job needs its own id.");
            }
        }

        return (errors, warnings);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static void Range(List<string> errors, string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}; got {value}.");
        }
    }
}
