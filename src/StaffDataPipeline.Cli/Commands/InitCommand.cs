using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create or upgrade the warehouse schema and load the reference dimensions.");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            Console.WriteLine($"Warehouse ready: {services.GetRequiredService<WarehouseLocation>().Description}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
