using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// The batch-load template: the one execution path every kind of source goes through, so that each guard is written
/// once. Open (a file that cannot be opened is refused and recorded) → begin the batch → stream the rows (counted,
/// rejections kept up to the cap, progress each second) → the kind's after-rows step → the whole-file checks in order
/// (empty, rejection threshold, volume guard against what it supersedes) → commit, or abandon with the reason. Any
/// fault on the way abandons the batch, and a fault while recording that is logged, never thrown over the first.
/// Logs carry file names, counts and reason codes only, never a value from a row.
/// </summary>
internal sealed class BatchLoad
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);
    private readonly LoadContext _context;
    private readonly IProgress<LoadProgress>? _progress;
    private readonly ILogger _logger;
    private readonly FileRefusal _refusal;

    public BatchLoad(LoadContext context, IProgress<LoadProgress>? progress, ILogger logger)
    {
        _context = context;
        _progress = progress;
        _logger = logger;
        _refusal = new FileRefusal(context.Warehouse, context.Reference.Taxonomy.Version, context.Time, logger);
    }

    public async Task<FileLoadReport> RunAsync<TFormat, TRow>(SourceKind<TFormat, TRow> kind, SourceFile source, TFormat format, Stopwatch clock, CancellationToken ct)
        where TFormat : ISourceFormat
    {
        var dryRun = _context.DryRun;
        IBatchSource<TRow> opened;
        try
        {
            opened = kind.Open(source, format, _context);
        }
        catch (FileRejectedException ex)
        {
            return await _refusal.RecordAsync(source, format.Name, ex.ReasonCode, ex.Message, new BatchCounts(), dryRun, clock, ct);
        }

        using (opened)
        {
            if (opened.Refusal is { } refused)
            {
                return opened.Describe(await _refusal.RecordAsync(source, format.Name, refused.ReasonCode, refused.Message, new BatchCounts(), dryRun, clock, ct));
            }

            var start = opened.Start(new BatchStart(source.FileName, source.Sha256, format.Name, _context.Reference.Taxonomy.Version, _context.Time.GetUtcNow()));
            await using var writer = await opened.BeginAsync(start, ct);
            var tally = new BatchTally(_context.Options.MaxRejectionDetails);
            var counts = tally.Counts;
            try
            {
                var nextProgress = ProgressEvery;
                foreach (var row in opened.Rows())
                {
                    ct.ThrowIfCancellationRequested();
                    if (row.Kind == SourceRowKind.Blank)
                    {
                        continue;
                    }

                    counts.Read++;
                    switch (row.Kind)
                    {
                        case SourceRowKind.Loaded:
                            if (row.Rows is { } several)
                            {
                                foreach (var one in several)
                                {
                                    await writer.AddAsync(one, ct);
                                }
                            }
                            else
                            {
                                await writer.AddAsync(row.Row!, ct);
                            }

                            counts.Loaded++;
                            if (row.Unmapped is { } post)
                            {
                                tally.CountUnmapped(post);
                            }

                            if (row.Warning is { } warning)
                            {
                                tally.Warn(warning);
                            }

                            break;
                        case SourceRowKind.OutOfScope:
                            counts.OutOfScope++;
                            break;
                        case SourceRowKind.Excluded:
                            counts.Excluded++;
                            break;
                        case SourceRowKind.Rejected:
                            tally.Reject(row.Rejection!);
                            break;
                    }

                    if (_progress is not null && clock.Elapsed >= nextProgress)
                    {
                        _progress.Report(new LoadProgress(source.FileName, counts.Read, clock.Elapsed));
                        nextProgress = clock.Elapsed + ProgressEvery;
                    }
                }

                await opened.AfterRowsAsync(tally, ct);

                // The whole-file checks, in this order; the first that fails rejects the file and nothing of it is kept.
                var rejected = opened.Empty(counts);
                if (rejected is null && counts.RejectedShare > _context.Options.RejectThreshold)
                {
                    rejected = new SourceRefusal("THRESHOLD_EXCEEDED", opened.ThresholdMessage(counts, _context.Options.RejectThreshold));
                }

                if (rejected is null && !dryRun && VolumeGuard.Check(await writer.PreviewSupersessionAsync(ct), _context.Options, opened.VolumeUnit) is { } shrink)
                {
                    rejected = new SourceRefusal(VolumeGuard.ReasonCode, shrink);
                }

                if (rejected is not null)
                {
                    var summary = Summary(tally, BatchStatus.Rejected, rejected.Message) with { ReasonCode = rejected.ReasonCode };
                    await writer.AbandonAsync(summary, ct);
                    _logger.LogInformation("{File}: rejected ({Code}), {Rejected} of {Read} rows quarantined", source.FileName, rejected.ReasonCode, counts.Rejected, counts.Read);
                    return Report(opened, source, format, FileLoadStatus.Rejected, clock, tally, summary, writer.BatchId);
                }

                var loaded = Summary(tally, BatchStatus.Loaded, null) with { Warnings = tally.Warnings };
                var commit = await writer.CommitAsync(loaded, ct);
                _logger.LogInformation(
                    "{File}: {Status} batch {Batch}, {Loaded} rows loaded, {Rejected} quarantined, {Warnings} warnings",
                    source.FileName,
                    dryRun ? "validated" : "loaded",
                    commit.BatchId,
                    counts.Loaded,
                    counts.Rejected,
                    tally.Warnings.Count);
                return Report(opened, source, format, dryRun ? FileLoadStatus.Valid : FileLoadStatus.Loaded, clock, tally, loaded, dryRun ? 0 : commit.BatchId) with { Commit = commit };
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not FileAlreadyTakenException)
            {
                // The data transaction is rolled back; the audit row says the batch failed and why (type and message
                // of the fault, which never carry row values because extractors and normalisers do not put them there).
                var (status, code, message) = FileFault.Describe(ex, source.FileName);
                var failed = Summary(tally, status == FileLoadStatus.Rejected ? BatchStatus.Rejected : BatchStatus.Failed, message) with { ReasonCode = code };
                try
                {
                    await writer.AbandonAsync(failed, ct);
                }
                catch (Exception inner)
                {
                    _logger.LogError("{File}: could not record the failure: {Type}", source.FileName, inner.GetType().Name);
                }

                FileFault.Log(_logger, source.FileName, status, code, ex);
                return Report(opened, source, format, status, clock, tally, failed, writer.BatchId);
            }
        }
    }

    private BatchSummary Summary(BatchTally tally, BatchStatus status, string? message) =>
        new(tally.Counts, tally.Rejections, tally.Unmapped, status, message, _context.Time.GetUtcNow());

    private static FileLoadReport Report<TRow>(IBatchSource<TRow> opened, SourceFile source, ISourceFormat format, FileLoadStatus status, Stopwatch clock, BatchTally tally, BatchSummary summary, long batchId) =>
        opened.Describe(new FileLoadReport(source.Path, status, tally.Counts, clock.Elapsed)
        {
            BatchId = batchId > 0 ? batchId : null,
            Extractor = format.Name,
            Message = summary.Message,
            ReasonCode = summary.ReasonCode,
            Rejections = tally.Rejections,
            Warnings = tally.Warnings,
            UnmappedRows = tally.Unmapped.Values.Sum(),
        });
}
