using Dapper;
using Microsoft.Data.SqlClient;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Service;

/// <summary>
/// The multi-node path: two services on one SQL Server warehouse (Hangfire's tables in its hangfire schema) watching
/// one shared folder. Each file is loaded once, by whichever node takes it. Runs when STAFFDATA_TEST_SQLSERVER is set.
/// </summary>
[Collection(OneServiceAtATime.Name)]
public sealed class SqlServerServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string? _server = Environment.GetEnvironmentVariable(SqlServerWarehouseProvider.Variable);
    private readonly string _database = $"staffdata_service_{Guid.NewGuid():N}";
    private bool _created;

    public void Dispose()
    {
        if (_created)
        {
            using var master = new SqlConnection(_server);
            master.Open();
            master.Execute($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}];");
        }

        _dir.Dispose();
    }

    [SkippableFact]
    public async Task Two_nodes_sharing_one_inbox_load_each_file_once()
    {
        Skip.If(string.IsNullOrWhiteSpace(_server), $"Set {SqlServerWarehouseProvider.Variable} to a SQL Server connection string (a login that may create databases) to run the two-node service test.");
        using (var master = new SqlConnection(_server))
        {
            master.Open();
            master.Execute($"CREATE DATABASE [{_database}];");
            _created = true;
        }

        var connection = new SqlConnectionStringBuilder(_server) { InitialCatalog = _database }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = "SqlServer",
            ["Warehouse:ConnectionString"] = connection,
            ["Watch:Path"] = Path.Combine(_dir.Path, "shared-inbox"),
        };
        await using var a = await RunningService.StartAsync(Path.Combine(_dir.Path, "a"), settings);
        await using var b = await RunningService.StartAsync(Path.Combine(_dir.Path, "b"), settings);
        var inbox = Path.Combine(_dir.Path, "shared-inbox");
        for (var i = 0; i < 40; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, $"esr_{i:00}.csv"), RunningService.EsrExport(i % 2 == 0 ? "R0A" : "RGT", new DateOnly(2012, 1, 1).AddMonths(i), i));
        }

        await RunningService.WaitUntil(() => RunningService.Files(Path.Combine(inbox, "processed")).Length == 40, TimeSpan.FromSeconds(180), "40 files processed by two nodes");
        await Task.Delay(2000);

        using var check = new SqlConnection(connection);
        check.Open();
        Assert.Equal(40, check.ExecuteScalar<int>("SELECT COUNT(*) FROM staffdata.load_batch WHERE status = 'loaded'"));
        Assert.Equal(40, check.ExecuteScalar<int>("SELECT COUNT(DISTINCT sha256) FROM staffdata.load_batch WHERE status = 'loaded'"));
        Assert.Equal(80, check.ExecuteScalar<int>("SELECT COUNT(*) FROM staffdata.fact_staff_in_post"));
        Assert.True(check.ExecuteScalar<int>("SELECT COUNT(*) FROM sys.tables WHERE schema_id = SCHEMA_ID('hangfire')") > 0);
        Assert.Empty(Directory.GetFiles(inbox));
    }
}
