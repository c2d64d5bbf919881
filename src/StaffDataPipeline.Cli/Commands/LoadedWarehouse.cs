using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// The commands that read what loads wrote (unmapped, remap, plan, withdraw) refuse a warehouse that has never been
/// loaded: a mistyped --database would otherwise create an empty warehouse only to answer "no unmapped titles" or
/// "nothing changed", an all-clear for the wrong file. Asked before anything is migrated, so nothing is created.
/// </summary>
internal static class LoadedWarehouse
{
    /// <summary>True, having said why on standard error, when the warehouse has no batches.</summary>
    public static async Task<bool> RefusedAsync(IServiceProvider services, string nothingDone, CancellationToken ct)
    {
        if ((await services.GetRequiredService<IWarehouseHealth>().RecentBatchesAsync(1, ct)).Count > 0)
        {
            return false;
        }

        await Console.Error.WriteLineAsync($"staffdata: the warehouse {services.GetRequiredService<Hosting.WarehouseLocation>().Description} has no batches (check --database or Warehouse:*; a warehouse is filled by `staffdata load`); {nothingDone}.");
        return true;
    }
}
