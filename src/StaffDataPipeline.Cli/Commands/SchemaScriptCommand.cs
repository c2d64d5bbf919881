using System.CommandLine;
using StaffDataPipeline.SqlServer;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// `staffdata schema-script --provider SqlServer`: the idempotent deploy script for DBAs who do not grant DDL rights
/// to the loader (run it again after an upgrade; each migration runs once). Reads no settings and opens no connection.
/// </summary>
internal static class SchemaScriptCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "The warehouse the script is for (SqlServer).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Write the script to this file instead of the screen." };
        var command = new Command("schema-script", "Print the idempotent SQL Server deploy script (schema, views, roles) for a DBA to run.") { provider, output };
        command.SetAction((parse, _) => GlobalOptions.RunWithoutServicesAsync(parse, () =>
        {
            if (!string.Equals(parse.GetValue(provider), "SqlServer", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"staffdata: --provider '{parse.GetValue(provider)}' has no deploy script: a SQLite warehouse is created by `staffdata init` (or any load). Use --provider SqlServer.");
                return ExitCodes.Configuration;
            }

            var script = SqlServerMigrations.IdempotentScript();
            if (parse.GetValue(output) is { } file)
            {
                Csv.Writing.AtomicFile.Write(file, writer =>
                {
                    writer.Write(script);
                    return 0;
                });
                Console.WriteLine($"SQL Server deploy script written to {file}");
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
