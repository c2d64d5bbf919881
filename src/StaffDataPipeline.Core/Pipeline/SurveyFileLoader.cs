using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Loads one survey return workbook as one atomic batch: the same semantics as an ESR file (idempotent, superseding,
/// quarantine with a threshold), with sheet names in every message.
/// </summary>
internal sealed class SurveyFileLoader
{
    private readonly ReferenceDataSet _reference;
    private readonly Organisations.OrganisationCatalogue _organisations;
    private readonly IWarehouse _warehouse;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SurveyFileLoader(ReferenceDataSet reference, Organisations.OrganisationCatalogue organisations, IWarehouse warehouse, LoadOptions options, TimeProvider time, ILogger logger)
    {
        _reference = reference;
        _organisations = organisations;
        _warehouse = warehouse;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<FileLoadReport> LoadAsync(SourceFile source, ISurveyExtractor extractor, bool dryRun, Stopwatch clock, CancellationToken ct)
    {
        var counts = new BatchCounts();
        var start = new BatchStart(source.FileName, source.Sha256, extractor.Name, _reference.Taxonomy.Version, _time.GetUtcNow());
        ISurveyExtraction extraction;
        SurveyReturnHeader header;
        try
        {
            extraction = extractor.Open(source);
            try
            {
                header = SurveyCoverValidator.Validate(extraction.Cover, _organisations, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), source.FileName);
            }
            catch
            {
                extraction.Dispose();
                throw;
            }
        }
        catch (FileRejectedException ex)
        {
            return await new FileRefusal(_warehouse, _reference.Taxonomy.Version, _time, _logger).RecordAsync(source, extractor.Name, ex.ReasonCode, ex.Message, counts, dryRun, clock, ct);
        }

        using (extraction)
        {
            if (!dryRun && _warehouse is not ISurveyWarehouse)
            {
                return new FileLoadReport(source.Path, FileLoadStatus.Failed, counts, clock.Elapsed) { Extractor = extractor.Name, Message = "This warehouse cannot store survey returns." };
            }

            await using var writer = dryRun ? new DryRunSurveyWriter() : await ((ISurveyWarehouse)_warehouse).BeginSurveyBatchAsync(start, header, ct);
            var normaliser = new SurveyRowNormaliser(_reference.Mapper);
            var rejections = new List<RowRejection>();
            var warnings = new List<SurveyWarning>();
            var unmapped = new Dictionary<UnmappedPost, long>();
            try
            {
                foreach (var record in extraction.Records())
                {
                    ct.ThrowIfCancellationRequested();
                    var outcome = normaliser.Normalise(record);
                    if (outcome.Kind == SurveyRowKind.Blank)
                    {
                        continue;
                    }

                    counts.Read++;
                    switch (outcome.Kind)
                    {
                        case SurveyRowKind.Lines:
                            counts.Loaded++;
                            foreach (var line in outcome.Produced)
                            {
                                await writer.AddAsync(line, ct);
                            }

                            // One review count per row, not per projection horizon.
                            if (outcome.Produced.FirstOrDefault(l => l is WorkforceLine { Role.RoleCode: Role.Unmapped } or ProjectionLine { Role.RoleCode: Role.Unmapped }) is { } unmappedLine)
                            {
                                var title = unmappedLine is WorkforceLine w ? w.RoleAsWritten : ((ProjectionLine)unmappedLine).RoleAsWritten;
                                var key = new UnmappedPost(title, string.Empty, string.Empty, "Survey return", string.Empty);
                                unmapped[key] = unmapped.GetValueOrDefault(key) + 1;
                            }

                            if (outcome.Warning is { } warning)
                            {
                                warnings.Add(warning);
                            }

                            break;
                        case SurveyRowKind.Total:
                            counts.Excluded++;
                            break;
                        case SurveyRowKind.OutOfScope:
                            counts.OutOfScope++;
                            break;
                        case SurveyRowKind.Rejected:
                            counts.Rejected++;
                            rejections.Add(outcome.Rejection!);
                            break;
                    }
                }

                // Hidden rows are treated like hidden sheets: not loaded, and said so, since they often hold last period's figures.
                foreach (var hidden in extraction.HiddenRows)
                {
                    counts.Read += hidden.Count;
                    counts.Excluded += hidden.Count;
                    warnings.Add(new SurveyWarning(hidden.SheetName, hidden.First, "SURVEY_HIDDEN_ROWS", $"{hidden.Describe()} and {(hidden.Count == 1 ? "was" : "were")} not loaded; unhide them and resubmit if they hold figures for this return."));
                }

                // Workbooks are read by random access, so the bytes are hashed again: a file replaced mid-read must not be
                // recorded under the hash of other bytes.
                SourceFileReader.VerifyUnchanged(source);

                string? message = null;
                string? reasonCode = null;
                var status = dryRun ? FileLoadStatus.Valid : FileLoadStatus.Loaded;
                if (counts.Loaded == 0 && counts.Rejected == 0)
                {
                    (status, reasonCode, message) = (FileLoadStatus.Rejected, "SURVEY_NO_LINES", "The return has a cover but no workforce, demand or comment lines.");
                }
                else if (counts.RejectedShare > _options.RejectThreshold)
                {
                    (status, reasonCode, message) = (FileLoadStatus.Rejected, "THRESHOLD_EXCEEDED", $"{counts.Rejected} of {counts.Loaded + counts.Rejected} lines ({counts.RejectedShare:P1}) failed validation, more than the {_options.RejectThreshold:P1} allowed: the whole return is rejected. See the quarantined lines below.");
                }
                else if (!dryRun && VolumeGuard.Check(await writer.PreviewSupersessionAsync(ct), _options, "lines") is { } shrink)
                {
                    (status, reasonCode, message) = (FileLoadStatus.Rejected, VolumeGuard.ReasonCode, shrink);
                }

                var summary = new BatchSummary(counts, rejections, unmapped, status == FileLoadStatus.Rejected ? BatchStatus.Rejected : BatchStatus.Loaded, message, _time.GetUtcNow()) { ReasonCode = reasonCode };
                CommitResult? commit = null;
                if (status == FileLoadStatus.Rejected)
                {
                    await writer.AbandonAsync(summary, ct);
                }
                else
                {
                    commit = await writer.CommitAsync(summary, warnings, ct);
                }

                _logger.LogInformation("{File}: survey return {Status}, {Loaded} lines, {Rejected} quarantined, {Warnings} warnings", source.FileName, status, counts.Loaded, counts.Rejected, warnings.Count);
                return Report(source, status, counts, clock, extractor, writer.BatchId, message, rejections, warnings, unmapped, header) with { Commit = commit, ReasonCode = reasonCode };
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not FileAlreadyTakenException)
            {
                var (status, code, message) = FileFault.Describe(ex, source.FileName);
                await writer.AbandonAsync(new BatchSummary(counts, rejections, unmapped, status == FileLoadStatus.Rejected ? BatchStatus.Rejected : BatchStatus.Failed, message, _time.GetUtcNow()) { ReasonCode = code }, ct);
                FileFault.Log(_logger, source.FileName, status, code, ex);
                return Report(source, status, counts, clock, extractor, writer.BatchId, message, rejections, warnings, unmapped, header) with { ReasonCode = code };
            }
        }
    }

    private static FileLoadReport Report(
        SourceFile source,
        FileLoadStatus status,
        BatchCounts counts,
        Stopwatch clock,
        ISurveyExtractor extractor,
        long batchId,
        string? message,
        IReadOnlyList<RowRejection> rejections,
        IReadOnlyList<SurveyWarning> warnings,
        IReadOnlyDictionary<UnmappedPost, long> unmapped,
        SurveyReturnHeader header) =>
        new(source.Path, status, counts, clock.Elapsed)
        {
            BatchId = batchId > 0 ? batchId : null,
            Extractor = extractor.Name,
            IsSurveyReturn = true,
            Message = message,
            Rejections = rejections,
            Warnings = warnings,
            UnmappedRows = unmapped.Values.Sum(),
            UnknownOrganisations = header.Organisation.IsKnown ? [] : [header.Organisation.Code],
            RolledUpSites = header.Organisation.RolledUpFrom is { } site ? [$"{site} → {header.Organisation.Code}"] : [],
        };

    /// <summary>The writer behind `staffdata validate` for returns: nothing is written.</summary>
    private sealed class DryRunSurveyWriter : ISurveyBatchWriter
    {
        public long BatchId => 0;

        public ValueTask AddAsync(SurveyLine line, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SupersededVolume>>([]);

        public Task<CommitResult> CommitAsync(BatchSummary summary, IReadOnlyList<SurveyWarning> warnings, CancellationToken cancellationToken) =>
            Task.FromResult(new CommitResult(0, 0, []));

        public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
