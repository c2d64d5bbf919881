using Microsoft.Extensions.Diagnostics.HealthChecks;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Health;

/// <summary>Data keeps arriving: Degraded when no file has loaded for Serve:MaxHoursSinceLastLoad.</summary>
internal sealed class LastLoadHealthCheck : IHealthCheck
{
    private readonly IWarehouseHealth _warehouse;
    private readonly ServeSettings _serve;
    private readonly TimeProvider _time;

    public LastLoadHealthCheck(IWarehouseHealth warehouse, ServeSettings serve, TimeProvider time)
    {
        _warehouse = warehouse;
        _serve = serve;
        _time = time;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        WarehouseHealth probe;
        try
        {
            probe = await _warehouse.ProbeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Cannot tell when data last loaded: {ex.GetType().Name}.");
        }

        if (probe.LastSuccessfulLoad is not { } last)
        {
            return HealthCheckResult.Degraded("No file has loaded yet.");
        }

        var age = _time.GetUtcNow() - last;
        var data = new Dictionary<string, object> { ["lastSuccessfulLoad"] = last.ToString("O"), ["hoursSince"] = Math.Round(age.TotalHours, 1) };
        var limit = TimeSpan.FromHours(_serve.MaxHoursSinceLastLoad);
        return limit > TimeSpan.Zero && age > limit
            ? HealthCheckResult.Degraded($"No file has loaded for {age.TotalHours:N0} hours (Serve:MaxHoursSinceLastLoad is {_serve.MaxHoursSinceLastLoad}).", data: data)
            : HealthCheckResult.Healthy($"Last load {age.TotalHours:N1} hours ago.", data);
    }
}
