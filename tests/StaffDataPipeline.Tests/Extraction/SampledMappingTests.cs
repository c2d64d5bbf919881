using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.SampleGenerator;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// An ESR CSV maps its first records on the caller's thread and then asks how many threads the rest may use
/// (IExtraction.Map with ThreadsAfterSample): every record must come back once, in order, with its row number, whatever
/// the sample and the answer; the question is asked once, and only when records remain; the answer is obeyed.
/// </summary>
public sealed class SampledMappingTests : IDisposable
{
    private const int Rows = 6_000;
    private readonly TempDirectory _dir = new();
    private readonly string _path;

    public SampledMappingTests()
    {
        _path = _dir.File("national_202309.csv");
        NationalExtract.Write(_path, new NationalExtractOptions(Rows, GenomicsShare: 0.3, NationalLayout.TrustBi, Seed: 3));

        // Names broken over two lines inside their quotes, and a report's title line above the header: row numbers are
        // the spreadsheet's, not the records' count.
        var lines = File.ReadAllLines(_path).ToList();
        for (var i = 5; i < lines.Count; i += 389)
        {
            lines[i] = lines[i].Replace(", ", ",\n", StringComparison.Ordinal);
        }

        File.WriteAllLines(_path, ["Staff in Post - Organisation Report", .. lines]);
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(4_096, 2)]
    [InlineData(4_096, 1)]
    [InlineData(Rows - 1, 2)]
    [InlineData(Rows, 2)]
    [InlineData(Rows + 10, 1)]
    public void Every_record_comes_back_once_in_order_whatever_the_sample_and_the_answer(int sample, int threads)
    {
        var expected = Read(extraction => extraction.Records().Select(Describe).ToList(), parallelism: 1);
        var asked = 0;
        var callers = new HashSet<int>();
        var caller = Environment.CurrentManagedThreadId;

        var mapped = Read(
            extraction => extraction.Map(
                record =>
                {
                    lock (callers)
                    {
                        callers.Add(Environment.CurrentManagedThreadId);
                    }

                    return Describe(record);
                },
                new ThreadsAfterSample(sample, () =>
                {
                    asked++;
                    return threads;
                })).ToList(),
            parallelism: 2);

        Assert.Equal(Rows, expected.Count);
        Assert.Equal(expected, mapped);
        Assert.Equal(sample < Rows ? 1 : 0, asked);

        // One thread: every record mapped on the caller's; two: those after the one asked at on the extraction's workers.
        if (threads == 1 || sample + 1 >= Rows)
        {
            Assert.Equal([caller], callers);
        }
        else
        {
            Assert.Contains(callers, id => id != caller);
        }
    }

    [Fact]
    public void An_extraction_opened_for_one_thread_never_asks()
    {
        var asked = 0;
        var mapped = Read(extraction => extraction.Map(Describe, new ThreadsAfterSample(10, () => ++asked)).Count(), parallelism: 1);

        Assert.Equal(Rows, mapped);
        Assert.Equal(0, asked);
    }

    // The bytes mapped are the bytes hashed, on every path: a file that grew after its inspection fails at its end.
    [Theory]
    [InlineData(0, 2)]
    [InlineData(4_096, 1)]
    [InlineData(4_096, 2)]
    [InlineData(Rows + 10, 2)]
    public void A_file_changed_after_its_inspection_fails_at_its_end_whatever_the_sample_and_the_answer(int sample, int threads)
    {
        var inspected = SourceFileReader.Inspect(_path);
        File.AppendAllText(_path, File.ReadLines(_path).Last() + "\n");
        using var extraction = new EsrCsvExtractor(Reference.Data.Aliases).Open(inspected, new ExtractionOptions(Reference.Data.Aliases) { Parallelism = 2 });
        var mapped = 0;

        Assert.Throws<SourceChangedException>(() =>
        {
            foreach (var _ in extraction.Map(Describe, new ThreadsAfterSample(sample, () => threads)))
            {
                mapped++;
            }
        });
        Assert.True(mapped >= Rows, $"only {mapped} records mapped before the change was found");
    }

    private static string Describe(ISourceRecord record) => $"{record.RowNumber}|{record.Field(EsrField.AssignmentNumber)}|{record.Field(EsrField.PositionTitle)}";

    private T Read<T>(Func<IExtraction, T> read, int parallelism)
    {
        using var extraction = new EsrCsvExtractor(Reference.Data.Aliases).Open(SourceFileReader.Inspect(_path), new ExtractionOptions(Reference.Data.Aliases) { Parallelism = parallelism });
        return read(extraction);
    }
}
