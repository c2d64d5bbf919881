using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Loading;

/// <summary>
/// A run reads its first file for its hash while the warehouse is migrated: that file's load takes the inspection once,
/// every other file (the same path listed twice included) is inspected in its turn, and an inspection nobody takes
/// ends without raising its failure.
/// </summary>
public sealed class FirstInspectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Only_the_first_file_that_is_neither_skipped_nor_missing_takes_the_inspection_and_only_once()
    {
        var first = new SourceEntry(_dir.Write("a.csv", "first"), null);
        var second = new SourceEntry(_dir.Write("b.csv", "second"), null);
        var typo = new SourceEntry(_dir.File("typo.csv"), null) { NotFound = true };
        var inspection = FirstInspection.Start([new SourceEntry(_dir.File("notes.txt"), "not a source file"), typo, first, second]);

        Assert.Null(inspection.Take(typo));
        Assert.Null(inspection.Take(second));
        Assert.Null(inspection.Take(first with { }));
        var taken = inspection.Take(first);
        Assert.NotNull(taken);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("first"u8)), (await taken).Sha256);
        Assert.Null(inspection.Take(first));
    }

    [Fact]
    public void An_inspection_nobody_took_is_left_to_fail_on_its_own_and_cannot_be_taken_after()
    {
        var missing = new SourceEntry(_dir.File("gone.csv"), null);
        var inspection = FirstInspection.Start([missing]);

        inspection.Forget();

        Assert.Null(inspection.Take(missing));
    }

    // Either way a run is started: by the pipeline from its paths, or by a host before it composes the pipeline (LoadRun,
    // as `staffdata load` does), with a mistyped path before the copy.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_file_of_a_run_is_loaded_under_its_own_hash_and_a_copy_of_the_first_is_found_already_loaded(bool startedByTheHost)
    {
        var samples = Directory.GetFiles(Repository.Samples("esr"), "*.csv").Order(StringComparer.Ordinal).ToList();
        var first = _dir.File("1_" + Path.GetFileName(samples[0]));
        var copy = _dir.File("2_copy_of_the_first.csv");
        var other = _dir.File("3_" + Path.GetFileName(samples[1]));
        File.Copy(samples[0], first);
        File.Copy(samples[0], copy);
        File.Copy(samples[1], other);
        string[] paths = [first, _dir.File("typo.csv"), copy, other];
        using var run = startedByTheHost ? LoadRun.Start(paths) : null;
        var pipeline = TestPipeline.Create(new SqliteWarehouse(_dir.File("warehouse.db"), Reference.Data, NullLogger<SqliteWarehouse>.Instance));

        var reports = run is null
            ? await pipeline.RunAsync(paths, dryRun: false, null, CancellationToken.None)
            : await pipeline.RunAsync(run, dryRun: false, null, CancellationToken.None);

        Assert.Equal([FileLoadStatus.Loaded, FileLoadStatus.Failed, FileLoadStatus.AlreadyLoaded, FileLoadStatus.Loaded], reports.Select(r => r.Status));
        Assert.Equal("FILE_MISSING", reports[1].ReasonCode);
        string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal([Hash(first), null, Hash(first), Hash(other)], reports.Select(r => r.Sha256));
    }

    [Fact]
    public void A_run_never_loaded_leaves_its_first_file_s_inspection_to_end_on_its_own()
    {
        var run = LoadRun.Start([_dir.Write("a.csv", "first")]);
        var entry = Assert.Single(run.Entries);

        run.Dispose();
        run.Dispose();

        Assert.Null(run.FirstInspection.Take(entry));
    }
}
