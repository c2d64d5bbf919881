using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service;

/// <summary>
/// Before the Hangfire server takes a job: the reference data reads and the warehouse schema is current. Either
/// failing stops the service at start with one sentence, instead of failing every job later.
/// </summary>
internal sealed class WarehouseStartup : IHostedService
{
    private readonly IServiceScopeFactory _scopes;

    public WarehouseStartup(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        _ = scope.ServiceProvider.GetRequiredService<ReferenceDataSet>();
        await scope.ServiceProvider.GetRequiredService<IWarehouse>().MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
