using System.CommandLine;
using StaffDataPipeline.Hosting;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// `staffdata schema-script --provider SqlServer`: the idempotent deploy script for DBAs who do not grant DDL rights
/// to the loader (run it again after an upgrade; each migration runs once), from the provider the name maps to
/// (<see cref="WarehouseProviders"/>). Reads no settings and opens no connection.
/// </summary>
internal static class SchemaScriptCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "The warehouse the script is for (Warehouse:Provider; SqlServer).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Write the script to this file instead of the screen." };
        var command = new Command("schema-script", "Print a warehouse's idempotent deploy script (schema, views, roles) for a DBA to run (SQL Server).") { provider, output };
        command.SetAction((parse, _) => GlobalOptions.RunWithoutServicesAsync(parse, () =>
        {
            var name = parse.GetValue(provider);
            if (WarehouseProviders.Find(name) is not { } chosen)
            {
                Console.Error.WriteLine($"staffdata: {WarehouseProviders.Unknown(name, "--provider")}");
                return ExitCodes.Configuration;
            }

            if (chosen.SchemaScript() is not { } script)
            {
                var scripted = WarehouseProviders.All.Where(p => p.SchemaScript() is not null).Select(p => p.Name);
                Console.Error.WriteLine($"staffdata: --provider '{chosen.Name}' has no deploy script: its warehouse is created by `staffdata init` (or any load). Scripts exist for: {string.Join(", ", scripted)}.");
                return ExitCodes.Configuration;
            }

            if (parse.GetValue(output) is { } file)
            {
                Csv.Writing.AtomicFile.Write(file, writer =>
                {
                    writer.Write(script);
                    return 0;
                });
                Console.WriteLine($"{chosen.Name} deploy script written to {file}");
            }
            else
            {
                Console.Write(script);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
