using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.SampleGenerator;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Loading;

/// <summary>
/// A CSV export's rows are normalised on several threads (Load:Parallelism; CsvHelper's ParallelEnumerate), and the
/// warehouse must not be able to tell: the same file loaded on one thread and on several (four asked for; at most one a core) gives the same report (counts,
/// every quarantined row with its row number, column and reason, unknown organisations and grades) and the same facts
/// with the same source rows, people and posts; a file that breaks part-way is refused at the same row.
/// </summary>
public sealed class ParallelNormalisationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // A tenth genomics keeps every thread after the first rows; three tenths (a quarter or more stored) maps the rest on
    // one (MappingThreads): both paths must load as one thread does.
    [Theory]
    [InlineData(0.1, int.MaxValue)]
    [InlineData(0.3, 1)]
    public async Task One_thread_and_several_load_a_national_extract_with_defects_alike(double genomicsShare, int threadsAfterSample)
    {
        var path = _dir.File("national_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(30_000, genomicsShare, NationalLayout.TrustBi, Seed: 5, CostCentrePerRow: true));
        var lines = File.ReadAllLines(path).ToList();
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var fte = Array.IndexOf(header, "FTE") + 1;   // the generator quotes only the full name, which holds one comma
        for (var i = 1; i < lines.Count; i += 997)
        {
            // Every 997th row loses its last fields (FIELD_COUNT), and its neighbour's FTE is not a number.
            lines[i] = string.Join(',', lines[i].Split(',')[..^4]);
            var fields = lines[i + 1].Split(',');
            fields[fte] = "six";
            lines[i + 1] = string.Join(',', fields);
        }

        // A genomics assignment twice in one file (DUPLICATE_ASSIGNMENT).
        lines.Insert(20_000, lines.Skip(15_000).First(l => l.Contains(",Clinical Genetics,", StringComparison.Ordinal) && l.Contains(",Active Assignment,", StringComparison.Ordinal)));

        // A name broken over two lines inside its quotes every 501st row, and a report's title lines above the header:
        // the row numbers a spreadsheet shows must survive both on every thread.
        for (var i = 3; i < lines.Count; i += 501)
        {
            lines[i] = lines[i].Replace(", ", ",\n", StringComparison.Ordinal);
        }

        lines.InsertRange(0, ["Staff in Post - Organisation Report", "Run on 01/10/2023,,,"]);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var (one, oneFacts, _) = await Load(path, threads: 1);
        var (four, fourFacts, answers) = await Load(path, threads: 4);

        Assert.Equal(FileLoadStatus.Loaded, one.Status);
        Assert.Equal(ThreadAnswers.Expected(threadsAfterSample), answers);
        Assert.True(one.Rejections.Count > 35, $"only {one.Rejections.Count} rows quarantined: the defects did not take");
        Assert.Contains(one.Rejections, r => r.ReasonCode == "FIELD_COUNT");
        Assert.Contains(one.Rejections, r => r.ReasonCode == "DUPLICATE_ASSIGNMENT");
        Assert.Contains(one.Rejections, r => r.ReasonCode == "FTE_NOT_NUMBER");
        Assert.Equal((one.Counts.Read, one.Counts.Loaded, one.Counts.OutOfScope, one.Counts.Excluded, one.Counts.Rejected), (four.Counts.Read, four.Counts.Loaded, four.Counts.OutOfScope, four.Counts.Excluded, four.Counts.Rejected));
        Assert.Equal(one.Rejections, four.Rejections);
        Assert.Equal(one.UnknownOrganisations, four.UnknownOrganisations);
        Assert.Equal(one.UnknownGrades, four.UnknownGrades);
        Assert.Equal(one.UnmappedRows, four.UnmappedRows);
        Assert.True(oneFacts.Count > 30_000 * genomicsShare * 0.8, $"only {oneFacts.Count} facts");
        Assert.Equal(oneFacts, fourFacts);
    }

    [Fact]
    public async Task A_quote_never_closed_part_way_refuses_the_file_at_the_same_row_on_one_thread_and_on_several()
    {
        var path = _dir.File("broken_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(12_000, GenomicsShare: 0.3, NationalLayout.TrustBi, Seed: 6));
        var lines = File.ReadAllLines(path);
        lines[9_000] = lines[9_000].Replace(",Yes,", ",\"Yes,", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var (one, _, _) = await Load(path, threads: 1);
        var (four, _, _) = await Load(path, threads: 4);

        Assert.Equal(FileLoadStatus.Rejected, one.Status);
        Assert.Equal("MALFORMED_CSV", one.ReasonCode);
        Assert.Equal(one.ReasonCode, four.ReasonCode);
        Assert.Equal(one.Message, four.Message);
        Assert.Equal(0, SqliteFile.Scalar<long>(_dir.File("4.db"), "SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    /// <summary>The report, the facts stored and the answers the load gave to how many threads may map the rest.</summary>
    private async Task<(FileLoadReport Report, List<(long SourceRow, string Values)> Facts, List<int> Answers)> Load(string path, int threads)
    {
        var database = _dir.File($"{threads}.db");
        ThreadAnswers? recorded = null;
        var pipeline = TestPipeline.Create(new SqliteWarehouse(database, Reference.Data, NullLogger<SqliteWarehouse>.Instance), options: new LoadOptions { Parallelism = threads }, wrap: e => recorded = new ThreadAnswers(e));
        var report = Assert.Single(await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None));
        return (report, WarehouseFacts.Of(database), recorded!.Given);
    }
}
