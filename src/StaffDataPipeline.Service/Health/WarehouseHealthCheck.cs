using Microsoft.Extensions.Diagnostics.HealthChecks;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Health;

/// <summary>The warehouse answers a query.</summary>
internal sealed class WarehouseHealthCheck : IHealthCheck
{
    private readonly IWarehouseHealth _warehouse;

    public WarehouseHealthCheck(IWarehouseHealth warehouse) => _warehouse = warehouse;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = await _warehouse.ProbeAsync(cancellationToken);
            return probe.SchemaExists
                ? HealthCheckResult.Healthy("The warehouse answers.")
                : HealthCheckResult.Degraded("The warehouse has no schema yet; the first load creates it.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The warehouse cannot be reached ({ex.GetType().Name}); the service log has the details.", ex);
        }
    }
}
