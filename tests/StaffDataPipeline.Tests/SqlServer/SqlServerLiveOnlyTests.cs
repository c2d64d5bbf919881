using Dapper;
using Hangfire;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.SqlServer;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// What only a server can show (issue 23): a member of staffdata_loader (not sa) loads and uses Hangfire's storage with
/// migrations left to the DBA; a database whose collation differs from the server's (tempdb's) remaps and imports ODS
/// releases without Msg 468; two nodes migrating a new database at once apply each script once. Each test makes and
/// drops its own database. Runs where STAFFDATA_TEST_SQLSERVER is set (a login that may create databases and logins),
/// reported skipped otherwise.
/// </summary>
public sealed class SqlServerLiveOnlyTests : IDisposable
{
    private readonly string? _server = Environment.GetEnvironmentVariable(SqlServerWarehouseProvider.Variable);
    private readonly string _database = $"staffdata_live_{Guid.NewGuid():N}";
    private readonly string _login = $"staffdata_loader_{Guid.NewGuid():N}"[..30];
    private readonly string _password = $"Lo4der!{Guid.NewGuid():N}";
    private readonly TempDirectory _dir = new();
    private bool _created;
    private bool _loginCreated;

    public void Dispose()
    {
        SqlConnection.ClearAllPools();
        if (_created || _loginCreated)
        {
            using var master = new SqlConnection(_server);
            master.Open();
            if (_created)
            {
                master.Execute($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}];");
            }

            if (_loginCreated)
            {
                master.Execute($"DROP LOGIN [{_login}];");
            }
        }

        _dir.Dispose();
    }

    [SkippableFact]
    public async Task Two_nodes_migrating_a_new_database_at_once_apply_each_script_once()
    {
        var options = Options(CreateDatabase(null));

        await Task.WhenAll(
            Task.Run(() => new SqlServerWarehouse(options, Reference.Data).MigrateAsync(CancellationToken.None)),
            Task.Run(() => new SqlServerWarehouse(options, Reference.Data).MigrateAsync(CancellationToken.None)));

        using var check = new SqlConnection(options.ConnectionString);
        var applied = check.Query<string>("SELECT ScriptName FROM staffdata.SchemaVersions").ToList();
        Assert.Equal(SqlServerMigrations.Scripts().Count, applied.Count);
        Assert.Equal(applied.Count, applied.Distinct(StringComparer.Ordinal).Count());
    }

    [SkippableFact]
    public async Task A_member_of_the_loader_role_loads_and_uses_the_job_storage_with_migrations_left_to_the_DBA()
    {
        var admin = CreateDatabase(null);
        await new SqlServerWarehouse(Options(admin), Reference.Data).MigrateAsync(CancellationToken.None);
        using (var connection = new SqlConnection(admin))
        {
            connection.Open();
            SqlServerObjectsInstaller.Install(connection, "hangfire");
            using var master = new SqlConnection(_server);
            master.Open();
            master.Execute($"CREATE LOGIN [{_login}] WITH PASSWORD = N'{_password}', CHECK_POLICY = OFF;");
            _loginCreated = true;
            connection.Execute($"CREATE USER [{_login}] FOR LOGIN [{_login}]; ALTER ROLE staffdata_loader ADD MEMBER [{_login}];");
        }

        var loader = new SqlConnectionStringBuilder(admin) { IntegratedSecurity = false, UserID = _login, Password = _password }.ConnectionString;
        var warehouse = new SqlServerWarehouse(Options(loader) with { ApplyMigrations = false }, Reference.Data);
        var pipeline = TestPipeline.Create(warehouse);
        var report = (await pipeline.RunAsync([Esr("RGT_2023-09.csv", "RGT", 30)], dryRun: false, null, CancellationToken.None)).Single();

        Assert.True(report.Status == FileLoadStatus.Loaded, report.Message);
        var storage = new SqlServerStorage(loader, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false });
        var job = new BackgroundJobClient(storage).Enqueue(() => Console.WriteLine("staffdata"));
        using var jobs = storage.GetConnection();
        using (jobs.AcquireDistributedLock("staffdata:test", TimeSpan.FromSeconds(5)))
        {
            Assert.NotNull(jobs.GetJobData(job));
        }

        using var check = new SqlConnection(admin);
        Assert.Equal(0, check.ExecuteScalar<int>("SELECT COUNT(*) FROM sys.foreign_keys WHERE is_not_trusted = 1"));
    }

    [SkippableFact]
    public async Task A_database_whose_collation_differs_from_the_servers_remaps_and_imports_ODS_releases()
    {
        Skip.If(string.IsNullOrWhiteSpace(_server), $"Set {SqlServerWarehouseProvider.Variable} to run the live-only tests.");
        string server;
        using (var master = OpenMaster())
        {
            server = master.ExecuteScalar<string>("SELECT CONVERT(nvarchar(128), SERVERPROPERTY('Collation'))")!;
        }

        var other = server.Contains("_CS_", StringComparison.Ordinal) ? "Latin1_General_100_CI_AS" : "Latin1_General_100_CS_AS";
        var options = Options(CreateDatabase(other));
        var warehouse = new SqlServerWarehouse(options, Reference.Data);
        var pipeline = TestPipeline.Create(warehouse);
        var report = (await pipeline.RunAsync([Esr("RGT_2023-09.csv", "RGT", 10)], dryRun: false, null, CancellationToken.None)).Single();
        Assert.True(report.Status == FileLoadStatus.Loaded, report.Message);
        var review = new SqlServerWarehouseReview(options);

        var ods = await review.ImportOdsAsync([new OdsOrganisation("RGT", "CAMBRIDGE UNIVERSITY HOSPITALS", null, "Y61", new DateOnly(2004, 7, 1), null)], CancellationToken.None);
        var stored = await review.ReadStoredRolesAsync(CancellationToken.None);
        var post = stored.Posts[0];
        var remap = await review.ApplyRoleChangesAsync(
            new RoleChanges("v-test", 1, [new PostRoleDecision(post.PositionId, post.RoleCode, post.RuleId, Reference.Data.Grades.All.First().Code, true, new Taxonomy.ServiceAreaDecision("RARE-DISEASE", "SA-TEST"))], [], DateTimeOffset.UtcNow),
            CancellationToken.None);

        Assert.NotNull(ods);
        Assert.Equal(10, remap.FactsUpdated);
    }

    [SkippableFact]
    public async Task Read_committed_snapshot_is_detected_when_off_and_when_on()
    {
        var options = Options(CreateDatabase(null));
        var off = new SqlServerWarehouse(options, Reference.Data);
        await off.MigrateAsync(CancellationToken.None);
        using (var master = OpenMaster())
        {
            master.Execute($"ALTER DATABASE [{_database}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;");
        }

        var on = new SqlServerWarehouse(options, Reference.Data);
        await on.MigrateAsync(CancellationToken.None);

        Assert.False(off.ReadCommittedSnapshot);
        Assert.True(on.ReadCommittedSnapshot);
    }

    [SkippableFact]
    public async Task A_commit_retried_after_its_first_try_committed_writes_the_quarantine_and_review_counts_once()
    {
        var options = Options(CreateDatabase(null));
        var warehouse = new SqlServerWarehouse(options, Reference.Data);
        await warehouse.MigrateAsync(CancellationToken.None);
        var grade = Reference.Data.Grades.All.First();
        var role = Reference.Data.Taxonomy.Roles.First().Code;
        var post = new StaffDataPipeline.Normalisation.PostDescriptors("Clinical Scientist", "Healthcare Scientists", "S1A", "Genomics", "Scientist", "CC1", "Band 7");
        var fact = new StaffDataPipeline.Normalisation.StaffFact(
            new DateOnly(2023, 9, 30), Reference.Data.Organisations.All.First(), new Taxonomy.RoleDecision(role, "R1", grade), grade,
            new string('a', 32), new string('b', 32), 1m, null, true, "30-34", post, 2) { ServiceArea = new Taxonomy.ServiceAreaDecision("RARE-DISEASE", "SA1") };
        var summary = new BatchSummary(
            new BatchCounts { Read = 2, Loaded = 1, Rejected = 1 },
            [new StaffDataPipeline.Normalisation.RowRejection(3, "FTE", "FTE_NOT_NUMBER", "FTE is not a number.")],
            new Dictionary<UnmappedPost, long> { [UnmappedPost.From(post)] = 1 },
            BatchStatus.Loaded,
            null,
            DateTimeOffset.UtcNow);
        await using var writer = await warehouse.BeginBatchAsync(new BatchStart("a.csv", new string('c', 64), "esr-csv", Reference.Data.Taxonomy.Version, DateTimeOffset.UtcNow), CancellationToken.None);
        await writer.AddAsync(fact, CancellationToken.None);

        var first = await writer.CommitAsync(summary, CancellationToken.None);
        var again = await writer.CommitAsync(summary, CancellationToken.None);

        using var check = new SqlConnection(options.ConnectionString);
        Assert.Equal(first.BatchId, again.BatchId);
        Assert.Equal(1, check.ExecuteScalar<int>("SELECT COUNT(*) FROM staffdata.rejected_row"));
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT SUM(row_count) FROM staffdata.review_unmapped_title"));
        Assert.Equal(1, check.ExecuteScalar<int>("SELECT COUNT(*) FROM staffdata.fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_begin_retried_after_its_first_try_committed_takes_up_its_own_batch_and_another_start_is_refused()
    {
        var options = Options(CreateDatabase(null));
        var warehouse = new SqlServerWarehouse(options, Reference.Data);
        await warehouse.MigrateAsync(CancellationToken.None);
        var start = new BatchStart("a.csv", new string('d', 64), "esr-csv", Reference.Data.Taxonomy.Version, DateTimeOffset.UtcNow);

        await using var first = await warehouse.BeginBatchAsync(start, CancellationToken.None);
        await using var retried = await warehouse.BeginBatchAsync(start, CancellationToken.None);
        var other = await Record.ExceptionAsync(() => warehouse.BeginBatchAsync(start with { StartedAt = start.StartedAt.AddSeconds(5) }, CancellationToken.None));

        Assert.Equal(first.BatchId, retried.BatchId);
        Assert.IsType<FileAlreadyTakenException>(other);
    }

    private static SqlServerWarehouseOptions Options(string connectionString) =>
        new() { ConnectionString = connectionString, RetryBaseDelay = TimeSpan.FromMilliseconds(100) };

    private SqlConnection OpenMaster()
    {
        var master = new SqlConnection(_server);
        master.Open();
        return master;
    }

    private string CreateDatabase(string? collation)
    {
        Skip.If(string.IsNullOrWhiteSpace(_server), $"Set {SqlServerWarehouseProvider.Variable} to a SQL Server connection string (a login that may create databases and logins) to run the live-only tests.");
        using var master = OpenMaster();
        master.Execute($"CREATE DATABASE [{_database}]{(collation is null ? string.Empty : $" COLLATE {collation}")};");
        _created = true;
        return new SqlConnectionStringBuilder(_server) { InitialCatalog = _database }.ConnectionString;
    }

    private string Esr(string name, string org, int rows) => _dir.Write(
        name,
        "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE\n" +
        string.Concat(Enumerable.Range(0, rows).Select(i => $"{50000000 + i},{50000000 + i}-1,{org},Clinical Scientist,Genomics Laboratory,Band 7,1.0\n")));
}
