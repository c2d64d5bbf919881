using Microsoft.Extensions.Diagnostics.HealthChecks;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Health;

/// <summary>The watched folder can be read, and how many files wait in it.</summary>
internal sealed class InboxHealthCheck : IHealthCheck
{
    private readonly WatchSettings _watch;

    public InboxHealthCheck(WatchSettings watch) => _watch = watch;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_watch.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The watched folder is turned off (Watch:Enabled)."));
        }

        try
        {
            var waiting = InboxFolder.Scan(_watch.ResolvedPath).Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{waiting} file(s) waiting.", new Dictionary<string, object> { ["waiting"] = waiting }));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The watched folder cannot be read: {ex.GetType().Name}."));
        }
    }
}
