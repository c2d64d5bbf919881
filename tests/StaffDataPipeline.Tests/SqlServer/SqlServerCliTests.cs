using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>Choosing SQL Server by configuration, as a data engineer would, on a machine without one.</summary>
public sealed class SqlServerCliTests : IDisposable
{
    private const string Password = "S3cret-Value!";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Provider_SqlServer_without_a_connection_string_is_exit_2_naming_the_setting()
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, new Dictionary<string, string> { ["STAFFDATA__WAREHOUSE__PROVIDER"] = "SqlServer" }, "load", Repository.Samples("esr"));

        Assert.Equal(2, exit);
        Assert.Contains("Warehouse:ConnectionString must be set when Warehouse:Provider is SqlServer", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_one_sentence_naming_server_and_database_and_never_the_password()
    {
        var env = new Dictionary<string, string>
        {
            ["STAFFDATA__WAREHOUSE__PROVIDER"] = "SqlServer",
            ["STAFFDATA__WAREHOUSE__CONNECTIONSTRING"] = $"Server=127.0.0.1,1;Database=workforce;User ID=loader;Password={Password};Connect Timeout=2;Encrypt=False",
            ["STAFFDATA__WAREHOUSE__MAXRETRYATTEMPTS"] = "0",
        };

        var (exit, output, error) = CliRunner.Run(_dir.Path, env, "load", Repository.Samples("esr"));
        var (_, verboseOut, verboseError) = CliRunner.Run(_dir.Path, env, "load", Repository.Samples("esr"), "--verbose");

        Assert.Equal(2, exit);
        Assert.StartsWith("staffdata: The warehouse on SQL Server 127.0.0.1,1, database workforce cannot be used", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + error + verboseOut + verboseError, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")), "no SQLite file is made when SQL Server is chosen");
    }

    [Fact]
    public void Schema_script_prints_an_idempotent_script_that_parses_and_refuses_an_unknown_provider()
    {
        var (exit, script, _) = CliRunner.Run(_dir.Path, null, "schema-script", "--provider", "SqlServer");
        var (sqliteExit, _, sqliteError) = CliRunner.Run(_dir.Path, null, "schema-script", "--provider", "Sqlite");

        Assert.Equal(0, exit);
        Assert.Empty(TSqlCatalog.Parse(script).Errors);
        Assert.Contains("CREATE OR ALTER VIEW staffdata.v_workforce_summary", script, StringComparison.Ordinal);
        Assert.Contains("CREATE ROLE staffdata_analyst", script, StringComparison.Ordinal);
        Assert.Equal(2, sqliteExit);
        Assert.Contains("staffdata init", sqliteError, StringComparison.Ordinal);
    }
}
