using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace StaffDataPipeline.Hosting;

/// <summary>Binds a settings section, turning a value of the wrong kind into a sentence that names the setting.</summary>
public static partial class SettingsBinder
{
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex) when (FailedConversion().Match(ex.Message) is { Success: true } m)
        {
            var key = m.Groups["key"].Value;
            throw new SettingsException($"{key} must be {Kind(m.Groups["type"].Value)}; got '{configuration[key]}'{FlagOf(key)}.");
        }
    }

    private static string Kind(string type) => type switch
    {
        "System.Double" or "System.Decimal" or "System.Single" => "a number (with '.' for decimals)",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        _ => "a valid value",
    };

    private static string FlagOf(string key) => key switch
    {
        "Load:RejectThreshold" => " (--reject-threshold)",
        _ => string.Empty,
    };

    [GeneratedRegex("configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex FailedConversion();
}
