using Microsoft.Extensions.Configuration;

namespace StaffDataPipeline.Hosting;

/// <summary>
/// Settings come, later winning, from appsettings.json next to the program, an optional --config file,
/// STAFFDATA__SECTION__KEY environment variables, and command-line flags.
/// </summary>
public static class ConfigurationLoader
{
    public static IConfiguration Build(string? configFile, IDictionary<string, string?> flags)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (!string.IsNullOrWhiteSpace(configFile))
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return builder
            .AddEnvironmentVariables("STAFFDATA__")
            .AddInMemoryCollection(flags)
            .Build();
    }
}
