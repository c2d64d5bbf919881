using Microsoft.Extensions.Configuration;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// A provider name maps to its registration in one place (Hosting's WarehouseProviders): settings, validation,
/// `--database`, the service's choices and `schema-script` all come from the provider the name chooses.
/// </summary>
public sealed class WarehouseProvidersTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_database_option_names_the_sqlite_file_over_the_configured_path()
    {
        var warehouse = WarehouseProviders.Configure(Settings(("Warehouse:SqlitePath", "configured.db"), ("Warehouse:Database", _dir.File("chosen.db"))));

        Assert.Empty(warehouse.Errors);
        Assert.Equal(_dir.File("chosen.db"), warehouse.Location);
        Assert.False(warehouse.ConcurrentLoads);
        Assert.Null(warehouse.JobStore);
    }

    [Fact]
    public void The_database_option_names_the_database_on_the_sql_server_and_the_service_may_share_its_job_store()
    {
        var warehouse = WarehouseProviders.Configure(Settings(
            ("Warehouse:Provider", "sqlserver"),
            ("Warehouse:ConnectionString", "Server=db.example,1433;Database=workforce;User ID=loader;Password=S3cret!"),
            ("Warehouse:Database", "workforce_test")));

        Assert.Empty(warehouse.Errors);
        Assert.Equal("SQL Server db.example,1433, database workforce_test", warehouse.Location);
        Assert.True(warehouse.ConcurrentLoads);
        Assert.Equal("SqlServer", warehouse.JobStore?.Kind);
        Assert.Contains("workforce_test", warehouse.JobStore?.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_one_sentence_naming_the_setting_and_every_provider_this_build_has()
    {
        var warehouse = WarehouseProviders.Configure(Settings(("Warehouse:Provider", "Postgres")));

        Assert.Equal("Warehouse:Provider 'Postgres' is not available; this build supports: Sqlite, SqlServer.", Assert.Single(warehouse.Errors));
    }

    [Fact]
    public void Each_provider_checks_only_its_own_settings()
    {
        var sqlite = WarehouseProviders.Configure(Settings(("Warehouse:BusyTimeoutSeconds", "0"), ("Warehouse:MaxRetryAttempts", "99")));
        var sqlServer = WarehouseProviders.Configure(Settings(("Warehouse:Provider", "SqlServer"), ("Warehouse:BusyTimeoutSeconds", "0")));

        Assert.Equal("Warehouse:BusyTimeoutSeconds must be between 0 and 86400 seconds; got 0.", Assert.Single(sqlite.Errors));
        Assert.Equal("Warehouse:ConnectionString must be set when Warehouse:Provider is SqlServer (STAFFDATA__WAREHOUSE__CONNECTIONSTRING).", Assert.Single(sqlServer.Errors));
    }

    [Fact]
    public void Schema_script_for_a_provider_this_build_does_not_have_lists_those_it_has()
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "schema-script", "--provider", "Postgres");

        Assert.Equal(2, exit);
        Assert.Contains("--provider 'Postgres' is not available; this build supports: Sqlite, SqlServer.", error, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
