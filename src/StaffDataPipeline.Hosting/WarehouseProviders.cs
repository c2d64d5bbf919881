using Microsoft.Extensions.Configuration;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.SqlServer;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Hosting;

/// <summary>
/// The one map from a provider name (Warehouse:Provider) to its registration. Settings, validation, composition, the
/// service host and `schema-script` all ask here; a new warehouse is one line in <see cref="All"/> and its own project.
/// </summary>
public static class WarehouseProviders
{
    /// <summary>Every warehouse this build knows; the first is the default.</summary>
    public static IReadOnlyList<WarehouseProvider> All { get; } = [new SqliteProvider(), new SqlServerProvider()];

    public static WarehouseProvider? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, string.IsNullOrWhiteSpace(name) ? All[0].Name : name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The sentence for a name this build does not know.</summary>
    public static string Unknown(string? name, string setting) =>
        $"{setting} '{name}' is not available; this build supports: {string.Join(", ", All.Select(p => p.Name))}.";

    /// <summary>
    /// The warehouse the configuration chooses, with its own settings read and checked. An unknown provider is an error
    /// naming Warehouse:Provider; the provider's own errors come back in <see cref="ConfiguredWarehouse.Errors"/>.
    /// </summary>
    public static ConfiguredWarehouse Configure(IConfiguration configuration)
    {
        var name = configuration["Warehouse:Provider"];
        return Find(name) is { } provider
            ? provider.Configure(new Section(configuration))
            : new ConfiguredWarehouse(string.Empty, _ => { }) { Errors = [Unknown(name, "Warehouse:Provider")] };
    }

    private sealed class Section(IConfiguration configuration) : IWarehouseSettings
    {
        public T Bind<T>()
            where T : new() => SettingsBinder.Bind<T>(configuration, "Warehouse");
    }
}
