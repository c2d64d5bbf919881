using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.People;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>Options every command takes, and the one place a command turns them into a wired pipeline.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--database", "-d")
    {
        Description = "The warehouse database (Warehouse:Database): " + string.Join("; ", WarehouseProviders.All.Select(p => $"for {p.Name}, {p.DatabaseMeaning}")) + ".",
        Recursive = true,
    };
    public static readonly Option<string?> Config = new("--config") { Description = "An extra JSON settings file, applied after appsettings.json.", Recursive = true };
    public static readonly Option<string?> ReferenceData = new("--reference-data") { Description = "Folder of reference data CSVs (ReferenceData:Path).", Recursive = true };
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Log progress details to standard error.", Recursive = true };

    public static void AddTo(RootCommand root)
    {
        root.Add(Database);
        root.Add(Config);
        root.Add(ReferenceData);
        root.Add(Verbose);
    }

    /// <summary>Runs a command body with services built from configuration; turns configuration mistakes into exit code 2.</summary>
    public static Task<int> RunAsync(ParseResult parse, IDictionary<string, string?> extraFlags, Func<ServiceProvider, Task<int>> body) =>
        RunWithConfigurationAsync(parse, extraFlags, async configuration =>
        {
            await using var services = StaffDataServices.Build(configuration);
            return await body(services);
        });

    /// <summary>For commands that compose for themselves (serve, jobs): the settings, and the same sentences and exit codes.</summary>
    public static async Task<int> RunWithConfigurationAsync(ParseResult parse, IDictionary<string, string?> extraFlags, Func<IConfiguration, Task<int>> body)
    {
        var flags = new Dictionary<string, string?>(extraFlags);
        if (parse.GetValue(Database) is { } db)
        {
            // Each provider says what it means (a file for SQLite, the database on the server for SQL Server).
            flags["Warehouse:Database"] = db;
        }

        if (parse.GetValue(ReferenceData) is { } rd)
        {
            flags["ReferenceData:Path"] = rd;
        }

        if (parse.GetValue(Verbose))
        {
            flags["Logging:LogLevel:Default"] = "Information";
            flags["Logging:StackTraces"] = "true";
        }

        try
        {
            return await body(ConfigurationLoader.Build(parse.GetValue(Config), flags));
        }
        catch (Exception ex) when (ex is SettingsException or StaffDataPipeline.ReferenceData.ReferenceDataException or KeyMismatchException or WarehouseUnavailableException
                                       or InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Settings, reference data, key, warehouse or a path given on the command line: the run cannot start.
            await Report(parse, ex, ex.Message);
            return ExitCodes.Configuration;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("staffdata: stopped (Ctrl+C or a service stop); the file being loaded was rolled back and can be loaded again.");
            return ExitCodes.SomeFilesNotLoaded;
        }
        catch (Exception ex)
        {
            await Report(parse, ex, $"unexpected failure ({ex.GetType().Name}): {ex.Message} Run again with --verbose for the details.");
            return ExitCodes.SomeFilesNotLoaded;
        }
    }

    /// <summary>For commands that need no settings (survey-template): the same sentences and exit codes for what goes wrong.</summary>
    public static async Task<int> RunWithoutServicesAsync(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Report(parse, ex, ex.Message);
            return ExitCodes.Configuration;
        }
    }

    /// <summary>One sentence on standard error; the stack trace only with --verbose.</summary>
    private static async Task Report(ParseResult parse, Exception ex, string sentence)
    {
        await Console.Error.WriteLineAsync($"staffdata: {sentence}");
        if (parse.GetValue(Verbose))
        {
            await Console.Error.WriteLineAsync(ex.ToString());
        }
    }
}

internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeFilesNotLoaded = 1;
    public const int Configuration = 2;
}
