using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>
/// Faults of the environment, not the data: each file ends FAILED with a reason code and one sentence, and the run
/// goes on with the next file; a warehouse that cannot be used at all stops the run with a sentence saying why.
/// </summary>
public sealed class EnvironmentFaultTests : IDisposable
{
    private readonly SqliteWarehouseProvider _provider = new();
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_path_that_does_not_exist_fails_saying_so_and_the_files_after_it_still_load()
    {
        var missing = _dir.File("gone_2023-09.csv");
        var folder = _dir.File("no-such-folder") + Path.DirectorySeparatorChar;

        var reports = await Run(TestPipeline.Create(Warehouse()), missing, folder, Sample("RGT_staff_in_post_2023-09.csv"));

        Assert.Equal((FileLoadStatus.Failed, "FILE_MISSING"), (reports[0].Status, reports[0].ReasonCode));
        Assert.Equal($"{missing} does not exist: check the path and its spelling, or whether it was moved, then load it again.", reports[0].Message);
        Assert.Equal("gone_2023-09.csv", reports[0].FileName);

        // A folder named with a trailing separator keeps its name in the report.
        Assert.Equal((FileLoadStatus.Failed, "FILE_MISSING"), (reports[1].Status, reports[1].ReasonCode));
        Assert.Equal("no-such-folder", reports[1].FileName);
        Assert.Equal(FileLoadStatus.Loaded, reports[2].Status);
    }

    [Fact]
    public async Task A_run_with_nothing_to_read_reports_each_path_and_creates_no_warehouse()
    {
        var database = _dir.File("never.db");
        var empty = Directory.CreateDirectory(_dir.File("empty-folder")).FullName;

        var reports = await Run(TestPipeline.Create(Warehouse(path: database)), _dir.File("gone_2023-09.csv"), empty, _dir.File("gone_2023-10.csv"));

        Assert.Equal(["gone_2023-09.csv", "gone_2023-10.csv"], reports.Select(r => r.FileName));
        Assert.All(reports, r => Assert.Equal((FileLoadStatus.Failed, "FILE_MISSING"), (r.Status, r.ReasonCode)));
        Assert.False(File.Exists(database));
        Assert.Empty(Directory.GetFiles(_dir.Path, "never.db*"));
    }

    [Fact]
    public async Task A_file_deleted_between_listing_and_reading_fails_and_the_run_goes_on()
    {
        var folder = Directory.CreateDirectory(_dir.File("drop")).FullName;
        var first = Copy(Sample("RGT_staff_in_post_2023-09.csv"), folder, "a_2023-09.csv");
        var second = Copy(Sample("R0A_staff_in_post_2023-09.csv"), folder, "b_2023-09.csv");
        var third = Copy(Sample("RQ3_staff_in_post_2023-09.csv"), folder, "c_2023-09.csv");
        var pipeline = TestPipeline.Create(Warehouse(), wrap: e => new OnOpen(e, file =>
        {
            if (file.FileName == "a_2023-09.csv")
            {
                File.Delete(second);
            }
        }));

        var reports = await Run(pipeline, folder);

        Assert.Equal([FileLoadStatus.Loaded, FileLoadStatus.Failed, FileLoadStatus.Loaded], reports.Select(r => r.Status));
        Assert.Equal("FILE_MISSING", reports[1].ReasonCode);
        Assert.True(File.Exists(first) && File.Exists(third));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_fails_as_unreadable_with_what_to_do()
    {
        var pipeline = TestPipeline.Create(Warehouse(), wrap: e => new OnOpen(e, file =>
        {
            if (file.FileName.StartsWith("RGT", StringComparison.Ordinal))
            {
                throw new UnauthorizedAccessException($"Access to the path '{file.Path}' is denied.");
            }
        }));

        var reports = await Run(pipeline, Sample("RGT_staff_in_post_2023-09.csv"), Sample("R0A_staff_in_post_2023-09.csv"));

        Assert.Equal((FileLoadStatus.Failed, "FILE_UNREADABLE"), (reports[0].Status, reports[0].ReasonCode));
        Assert.Contains("permission denied", reports[0].Message, StringComparison.Ordinal);
        Assert.Equal(FileLoadStatus.Loaded, reports[1].Status);
    }

    [Fact]
    public async Task A_file_that_changes_while_it_is_loaded_fails_and_loads_once_complete()
    {
        var path = Copy(Sample("RGT_staff_in_post_2023-09.csv"), _dir.Path, "RGT_2023-09.csv");
        var appendOnce = true;
        var pipeline = TestPipeline.Create(Warehouse(), wrap: e => new OnOpen(e, file =>
        {
            if (appendOnce)
            {
                File.AppendAllText(file.Path, "10009999,10009999-1,,RGT,,Clinical Scientist,Clinical Scientist,U2B,Genomics Laboratory,Healthcare Scientists,Band 7,Permanent,Active Assignment,1.0000,37.50,,,,,Yes,30/09/2023\n");
                appendOnce = false;
            }
        }));

        var changed = (await Run(pipeline, path)).Single();
        var again = (await Run(pipeline, path)).Single();

        Assert.Equal((FileLoadStatus.Failed, "FILE_CHANGED"), (changed.Status, changed.ReasonCode));
        Assert.Contains("changed while it was being loaded", changed.Message, StringComparison.Ordinal);
        Assert.Equal(FileLoadStatus.Loaded, again.Status);
        Assert.Equal(1, _provider.Scalar<long>("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(0, _provider.Scalar<long>($"SELECT COUNT(*) FROM fact_staff_in_post WHERE batch_id = {changed.BatchId}"));
    }

    [Fact]
    public async Task A_warehouse_locked_longer_than_the_wait_fails_each_file_as_busy_and_loads_once_free()
    {
        var warehouse = Warehouse(TimeSpan.FromMilliseconds(300));
        await warehouse.MigrateAsync(CancellationToken.None);
        var files = new[] { Sample("RGT_staff_in_post_2023-09.csv"), Sample("R0A_staff_in_post_2023-09.csv") };

        IReadOnlyList<FileLoadReport> busy;
        using (var holder = new SqliteConnection($"Data Source={_provider.DatabasePath};Pooling=False"))
        {
            holder.Open();
            using var lockTx = holder.BeginTransaction(deferred: false);
            busy = await Run(TestPipeline.Create(warehouse), files);
        }

        var free = await Run(TestPipeline.Create(Warehouse()), files);

        Assert.All(busy, r => Assert.Equal((FileLoadStatus.Failed, "WAREHOUSE_BUSY"), (r.Status, r.ReasonCode)));
        Assert.Contains("is busy: another process has held its write lock", busy[0].Message, StringComparison.Ordinal);
        Assert.All(free, r => Assert.Equal(FileLoadStatus.Loaded, r.Status));
        Assert.Equal("ok", _provider.Scalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task A_warehouse_that_is_a_folder_or_not_a_database_stops_the_run_with_a_sentence()
    {
        var folder = Directory.CreateDirectory(_dir.File("warehouse-folder")).FullName;
        var text = _dir.Write("notes.db", "These are my notes, not a database. They go on for a while so SQLite reads a full header page.\n" + new string('x', 5000));

        var asFolder = await Assert.ThrowsAsync<WarehouseUnavailableException>(() => Run(TestPipeline.Create(Warehouse(path: folder)), Sample("RGT_staff_in_post_2023-09.csv")));
        var notDb = await Assert.ThrowsAsync<WarehouseUnavailableException>(() => Run(TestPipeline.Create(Warehouse(path: text)), Sample("RGT_staff_in_post_2023-09.csv")));

        Assert.Contains("is a folder, not a database file", asFolder.Message, StringComparison.Ordinal);
        Assert.Contains("is not a SQLite database", notDb.Message, StringComparison.Ordinal);
        Assert.StartsWith("These are my notes", File.ReadAllText(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, "is read-only")]
    [InlineData(11, "is damaged")]
    [InlineData(26, "is not a SQLite database")]
    [InlineData(5, "is locked by another process")]
    public void What_SQLite_says_about_an_unusable_file_becomes_one_sentence(int code, string expected)
    {
        var translated = SqliteFaults.Translate(new SqliteException("SQLite Error", code), "/data/staffdata.db");

        Assert.Contains($"/data/staffdata.db {expected}", translated.Message, StringComparison.Ordinal);
    }

    private static string Sample(string name) => Repository.Samples("esr", name);

    private static string Copy(string from, string folder, string name)
    {
        var to = Path.Combine(folder, name);
        File.Copy(from, to);
        return to;
    }

    private static Task<IReadOnlyList<FileLoadReport>> Run(LoadPipeline pipeline, params string[] paths) =>
        pipeline.RunAsync(paths, dryRun: false, null, CancellationToken.None);

    private SqliteWarehouse Warehouse(TimeSpan? busyWait = null, string? path = null) =>
        new(path ?? _provider.DatabasePath, Reference.Data, NullLogger<SqliteWarehouse>.Instance, TimeProvider.System, busyWait);

    /// <summary>A real extractor with something done to the file system as it opens a file.</summary>
    private sealed class OnOpen(IExtractor inner, Action<SourceFile> action) : IExtractor
    {
        public string Name => inner.Name;

        public int Probe(SourceFile file) => inner.Probe(file);

        public IExtraction Open(SourceFile file, ExtractionOptions options)
        {
            action(file);
            return inner.Open(file, options);
        }
    }
}
