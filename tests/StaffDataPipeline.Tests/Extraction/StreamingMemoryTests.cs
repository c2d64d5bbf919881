using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// The managed heap is one per process: a measurement of what streaming keeps alive is only meaningful when no other
/// test allocates at the same time, so this collection runs on its own after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}

/// <summary>Streaming keeps memory flat: rows are read one at a time, never the whole file. Speed and the big figures are the benchmark's.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class StreamingMemoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly EsrCsvExtractor _extractor = new(Reference.Data.Aliases);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Streams_rows_without_reading_the_file_into_memory()
    {
        var path = _dir.File("big.csv");
        using (var w = new StreamWriter(path))
        {
            w.WriteLine("Employee Number,Position Title,Organisation Code,FTE");
            for (var i = 0; i < 200_000; i++)
            {
                w.WriteLine($"{i},Clinical Scientist,RGT,1.0");
            }
        }

        // The heap is the process's: a service another test left stopping can allocate meanwhile. What streaming keeps
        // alive shows in every pass, so the smaller growth of two passes is the measure.
        var (count, grown) = Pass(path);
        var (_, again) = Pass(path);

        Assert.Equal(200_000, count);
        Assert.True(Math.Min(grown, again) < 4_000_000, $"memory grew by {Math.Min(grown, again):N0} bytes while streaming");
    }

    private (long Count, long Grown) Pass(string path)
    {
        using var extraction = _extractor.Open(SourceFileReader.Inspect(path), new ExtractionOptions(Reference.Data.Aliases));
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0;
        foreach (var record in extraction.Records())
        {
            count++;
        }

        return (count, GC.GetTotalMemory(forceFullCollection: true) - before);
    }
}
