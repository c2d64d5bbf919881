using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// How many threads map an ESR file's rows, judged from its first rows, for a writer slower than one mapping thread
/// (<see cref="Warehouse.IStaffInPostBatchWriter.SlowerThanOneMappingThread"/>: SQLite's). Where a quarter or more of
/// the rows are stored, that writer is the slower side however fast they are mapped (one mapping thread offers it stored
/// rows about twice as fast as it writes them), and a second thread only holds more rows in memory, waiting for it: with
/// every row of a national file stored, one thread loaded it no slower and peaked 20 MB lower (docs/benchmark.md). A
/// national extract, a few per cent of it genomics, keeps every thread.
/// </summary>
internal sealed class MappingThreads
{
    /// <summary>The rows judged: a few thousand, so that a small file is never asked and a large one soon is.</summary>
    internal const int SampleRows = 4_096;

    /// <summary>The share of stored rows from which one thread maps the rest.</summary>
    internal const double OneThreadFromStoredShare = 0.25;

    private int _rows;
    private int _stored;

    /// <summary>Counts one row of the sample (later rows are not counted): whether it is stored.</summary>
    public void Count(bool stored)
    {
        if (_rows < SampleRows)
        {
            _rows++;
            _stored += stored ? 1 : 0;
        }
    }

    /// <summary>The question an extraction asks once the sample is mapped (<see cref="IExtraction.Map{T}(Func{ISourceRecord, T}, ThreadsAfterSample)"/>).</summary>
    public ThreadsAfterSample AfterSample => new(SampleRows, () => Threads);

    /// <summary>1 where the sample's stored share reaches <see cref="OneThreadFromStoredShare"/>; otherwise as many as the extraction has.</summary>
    public int Threads => _rows > 0 && _stored >= OneThreadFromStoredShare * _rows ? 1 : int.MaxValue;
}
