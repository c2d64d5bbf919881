using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// One opened file of a <see cref="SourceKind{TFormat,TRow}"/>: what the batch-load template asks of the kind, in the
/// order it asks. Everything else (counting, the rejection cap, the threshold, the volume guard, commit, abandon and
/// the failure path) is the template's, the same for every kind.
/// </summary>
public interface IBatchSource<TRow> : IDisposable
{
    /// <summary>A reason to refuse the file before a batch is begun (a required column missing, no snapshot month), or null.</summary>
    SourceRefusal? Refusal { get; }

    /// <summary>The audit facts of this batch: the template's, with what this kind adds (the key check, the identifier kind).</summary>
    BatchStart Start(BatchStart start);

    /// <summary>The batch's writer: the warehouse's for this kind, or one that writes nothing when validating.</summary>
    Task<IBatchWriter<TRow>> BeginAsync(BatchStart start, CancellationToken cancellationToken);

    /// <summary>The file's rows, each as what normalisation made of it. Streamed once.</summary>
    IEnumerable<SourceRow<TRow>> Rows();

    /// <summary>After the last row, before the checks: what only this kind does then (drop later duplicates, count hidden rows, check the file did not change).</summary>
    Task AfterRowsAsync(BatchTally tally, CancellationToken cancellationToken);

    /// <summary>Why the file counts as empty (no rows, no lines), or null when it has something to load.</summary>
    SourceRefusal? Empty(BatchCounts counts);

    /// <summary>The sentence for a file with more rejected rows than <paramref name="threshold"/> allows.</summary>
    string ThresholdMessage(BatchCounts counts, double threshold);

    /// <summary>What the volume guard counts, in its message: "facts", "lines".</summary>
    string VolumeUnit { get; }

    /// <summary>Adds what only this kind reports (unknown columns and grades, sites rolled up, that it is a return).</summary>
    FileLoadReport Describe(FileLoadReport report);
}

/// <summary>Why a file is refused or rejected as a whole: its reason code and one sentence.</summary>
public sealed record SourceRefusal(string ReasonCode, string Message);
