using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>A file refused before any row was written: logged, recorded as a rejected batch with its reason (unless validating), reported.</summary>
internal sealed record FileRefusal(IWarehouse Warehouse, string TaxonomyVersion, TimeProvider Time, ILogger Logger)
{
    public async Task<FileLoadReport> RecordAsync(SourceFile source, string extractor, string reasonCode, string message, BatchCounts counts, bool dryRun, Stopwatch clock, CancellationToken ct)
    {
        Logger.LogInformation("{File}: rejected ({Code})", source.FileName, reasonCode);
        long? batchId = null;
        if (!dryRun)
        {
            var start = new BatchStart(source.FileName, source.Sha256, extractor, TaxonomyVersion, Time.GetUtcNow());
            batchId = await Warehouse.RecordRefusedFileAsync(start, new BatchSummary(counts, [], new Dictionary<UnmappedPost, long>(), BatchStatus.Rejected, message, Time.GetUtcNow()) { ReasonCode = reasonCode }, ct);
        }

        return new FileLoadReport(source.Path, FileLoadStatus.Rejected, counts, clock.Elapsed)
        {
            BatchId = batchId,
            Extractor = extractor,
            Message = message,
            ReasonCode = reasonCode,
        };
    }
}
