using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Planning;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// The SQL Server warehouse registers itself (the Hangfire shape): every seam the pipeline, the service and the
/// planning stage use, in one place, so that composition names the provider and nothing else.
/// </summary>
public static class SqlServerServiceCollectionExtensions
{
    public static IServiceCollection AddSqlServerWarehouse(this IServiceCollection services, SqlServerWarehouseOptions options)
    {
        services.AddScoped<IWarehouse>(sp => new SqlServerWarehouse(options, sp.GetRequiredService<ReferenceDataSet>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqlServerWarehouse>>()));
        services.AddScoped<IWarehouseReview>(sp => new SqlServerWarehouseReview(options, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IBatchWithdrawal>(sp => new SqlServerBatchWithdrawal(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWarehouseHealth>(new SqlServerWarehouseHealth(options));
        services.AddScoped<IPlanningSource>(sp => new SqlServerPlanning(options, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IPlanRunStore>(sp => new SqlServerPlanning(options, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<StaffDataPipeline.Planning.Pack.IPackSource>(sp => new SqlServerPackSource(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
