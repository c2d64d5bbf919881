using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Planning;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// The SQLite warehouse registers itself (the Hangfire shape): every seam the pipeline, the service and the planning
/// stage use, in one place, so that composition names the provider and nothing else.
/// </summary>
public static class SqliteServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteWarehouse(this IServiceCollection services, string databasePath, TimeSpan busyWait)
    {
        services.AddScoped<IWarehouse>(sp => new SqliteWarehouse(databasePath, sp.GetRequiredService<ReferenceDataSet>(), sp.GetRequiredService<ILogger<SqliteWarehouse>>(), sp.GetRequiredService<TimeProvider>(), busyWait));
        services.AddScoped<IWarehouseReview>(sp => new SqliteWarehouseReview(databasePath, sp.GetRequiredService<TimeProvider>(), busyWait));
        services.AddScoped<IBatchWithdrawal>(sp => new SqliteBatchWithdrawal(databasePath, sp.GetRequiredService<TimeProvider>(), busyWait));
        services.AddSingleton<IWarehouseHealth>(new SqliteWarehouseHealth(databasePath));
        services.AddScoped<IPlanningSource>(_ => new SqlitePlanningSource(databasePath));
        services.AddScoped<IPlanRunStore>(_ => new SqlitePlanRunStore(databasePath));
        services.AddScoped<StaffDataPipeline.Planning.Pack.IPackSource>(_ => new SqlitePackSource(databasePath));
        return services;
    }
}
