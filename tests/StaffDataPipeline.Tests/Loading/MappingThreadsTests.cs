using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.SampleGenerator;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Loading;

/// <summary>
/// Where a quarter or more of a file's first rows are stored, the writer sets the pace and the rest is mapped on one
/// thread (MappingThreads); a national extract, a few per cent genomics, keeps every thread. Judged on the sample only.
/// </summary>
public sealed class MappingThreadsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0, 0, int.MaxValue)]
    [InlineData(4_096, 0, int.MaxValue)]
    [InlineData(4_096, 1_023, int.MaxValue)]
    [InlineData(4_096, 1_024, 1)]
    [InlineData(4_096, 4_096, 1)]
    [InlineData(100, 25, 1)]
    [InlineData(100, 24, int.MaxValue)]
    public void One_thread_from_a_quarter_of_the_sample_stored(int rows, int stored, int threads)
    {
        var judge = new MappingThreads();
        for (var i = 0; i < rows; i++)
        {
            judge.Count(i < stored);
        }

        Assert.Equal(threads, judge.Threads);
        Assert.Equal(MappingThreads.SampleRows, judge.AfterSample.Records);
    }

    [Fact]
    public void Rows_after_the_sample_do_not_change_the_answer()
    {
        var judge = new MappingThreads();
        for (var i = 0; i < MappingThreads.SampleRows; i++)
        {
            judge.Count(false);
        }

        for (var i = 0; i < 100_000; i++)
        {
            judge.Count(true);
        }

        Assert.Equal(int.MaxValue, judge.AfterSample.Threads());
    }

    // Through a real load on two threads: the file of stored rows is asked about and answered one thread, the national
    // extract every thread; both load as they do on one thread. A dry run writes nothing, and is never asked.
    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(0.03, int.MaxValue)]
    public async Task A_load_answers_from_the_rows_it_has_stored(double genomicsShare, int expected)
    {
        var path = File(genomicsShare);
        ThreadAnswers? answers = null;
        var two = TestPipeline.Create(Warehouse("two.db"), options: new LoadOptions { Parallelism = 2 }, wrap: e => answers = new ThreadAnswers(e));
        var one = TestPipeline.Create(Warehouse("one.db"), options: new LoadOptions { Parallelism = 1 });

        var onTwo = Assert.Single(await two.RunAsync([path], dryRun: false, null, CancellationToken.None));
        var onOne = Assert.Single(await one.RunAsync([path], dryRun: false, null, CancellationToken.None));

        Assert.Equal(FileLoadStatus.Loaded, onTwo.Status);
        Assert.Equal(ThreadAnswers.Expected(expected), answers!.Given);
        Assert.Equal(onOne.Counts.Loaded, onTwo.Counts.Loaded);
        Assert.Equal(WarehouseFacts.Of(_dir.File("one.db")), WarehouseFacts.Of(_dir.File("two.db")));
    }

    [Fact]
    public async Task A_dry_run_keeps_every_thread_however_many_rows_it_would_store()
    {
        var path = File(1.0);
        ThreadAnswers? answers = null;
        var pipeline = TestPipeline.Create(Warehouse("dry.db"), options: new LoadOptions { Parallelism = 2 }, wrap: e => answers = new ThreadAnswers(e));

        var report = Assert.Single(await pipeline.RunAsync([path], dryRun: true, null, CancellationToken.None));

        Assert.Equal(FileLoadStatus.Valid, report.Status);
        Assert.Empty(answers!.Given);
    }

    private string File(double genomicsShare)
    {
        var path = _dir.File($"national_{genomicsShare * 100:0}_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(6_000, genomicsShare, NationalLayout.TrustBi, InactiveShare: 0, Seed: 9));
        return path;
    }

    private SqliteWarehouse Warehouse(string name) => new(_dir.File(name), Reference.Data, NullLogger<SqliteWarehouse>.Instance);
}
