using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.People;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Loads one ESR staff-in-post file as one atomic batch: header checks, snapshot month, streaming normalisation,
/// quarantine and threshold, commit. Logs carry file names, counts and reason codes only, never a value from a row.
/// </summary>
internal sealed class EsrFileLoader
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    // Grades listed in a report: a file with more unknown spellings than this has a wrong column, not new spellings.
    private const int MaxListed = 20;
    private readonly ReferenceDataSet _reference;
    private readonly Organisations.OrganisationCatalogue _organisations;
    private readonly IWarehouse _warehouse;
    private readonly PersonPseudonymiser _pseudonymiser;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FileRefusal _refusal;

    public EsrFileLoader(ReferenceDataSet reference, Organisations.OrganisationCatalogue organisations, IWarehouse warehouse, PersonPseudonymiser pseudonymiser, LoadOptions options, TimeProvider time, ILogger logger)
    {
        _reference = reference;
        _organisations = organisations;
        _warehouse = warehouse;
        _pseudonymiser = pseudonymiser;
        _options = options;
        _time = time;
        _logger = logger;
        _refusal = new FileRefusal(warehouse, reference.Taxonomy.Version, time, logger);
    }

    public async Task<FileLoadReport> LoadAsync(SourceFile source, IExtractor extractor, bool dryRun, IProgress<LoadProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        var counts = new BatchCounts();
        IExtraction extraction;
        try
        {
            extraction = extractor.Open(source, new ExtractionOptions(_reference.Aliases) { EncodingName = _options.EncodingFor(source.FileName) });
        }
        catch (FileRejectedException ex)
        {
            return await _refusal.RecordAsync(source, extractor.Name, ex.ReasonCode, ex.Message, counts, dryRun, clock, ct);
        }

        using (extraction)
        {
            var header = extraction.Header;
            var start = new BatchStart(source.FileName, source.Sha256, extractor.Name, _reference.Taxonomy.Version, _time.GetUtcNow())
            {
                KeyCheck = _pseudonymiser.KeyCheck,
                PersonIdentifier = header.Present(EsrField.PersonId).Count > 0 ? People.PersonIdentifierKind.Of(EsrRowNormaliser.IdentifierOf(header)) : null,
            };
            var missing = RequiredFields.Missing(header);
            if (missing.Count > 0)
            {
                var message = string.Join(" ", missing.Select(any =>
                    $"Missing required column: {string.Join(" or ", any.Select(RequiredFields.Display))} (header names tried: {string.Join(", ", any.SelectMany(_reference.Aliases.AliasesOf).Select(a => $"'{a}'"))}).")) +
                    " Export the file again with the column, or add its heading to header-aliases.csv.";
                return await _refusal.RecordAsync(source, extractor.Name, "MISSING_COLUMN", message, counts, dryRun, clock, ct, header);
            }

            // A month column wins (per row), then the file name, then --snapshot.
            var fileSnapshot = SnapshotFromFileName.Find(source.FileName) ?? (_options.Snapshot is { } flag ? TextValues.MonthEnd(flag) : null);
            if (fileSnapshot is null && !header.Has(EsrField.SnapshotMonth) && !header.Has(EsrField.SnapshotDate))
            {
                return await _refusal.RecordAsync(
                    source,
                    extractor.Name,
                    "NO_SNAPSHOT_MONTH",
                    "No snapshot month: the file has no snapshot column (e.g. 'Tm Year Month', 'Effective Date'), its name holds no month (e.g. '202303' or '2023-03'), and no --snapshot was given.",
                    counts,
                    dryRun,
                    clock,
                    ct,
                    header);
            }

            var headerNames = HeaderNames(extraction, header);
            var normaliser = new EsrRowNormaliser(_reference, _organisations, _pseudonymiser, header, headerNames, fileSnapshot) { DecimalComma = extraction.DecimalComma };
            await using var writer = dryRun ? new DryRunBatchWriter() : await _warehouse.BeginBatchAsync(start, ct);
            var rejections = new List<RowRejection>();
            var unmapped = new Dictionary<UnmappedPost, long>();
            var unknownOrgs = new SortedSet<string>(StringComparer.Ordinal);
            var unknownGrades = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            var rolledUp = new SortedSet<string>(StringComparer.Ordinal);
            try
            {
                var nextProgress = ProgressEvery;
                foreach (var record in extraction.Records())
                {
                    ct.ThrowIfCancellationRequested();
                    counts.Read++;
                    var outcome = normaliser.Normalise(record);
                    switch (outcome.Kind)
                    {
                        case RowOutcomeKind.Loaded:
                            var fact = outcome.Fact!;
                            await writer.AddAsync(fact, ct);
                            counts.Loaded++;
                            if (fact.Role.RoleCode == Taxonomy.Role.Unmapped)
                            {
                                var key = UnmappedPost.From(fact.Post);
                                unmapped[key] = unmapped.GetValueOrDefault(key) + 1;
                            }

                            if (!fact.Organisation.IsKnown)
                            {
                                unknownOrgs.Add(fact.Organisation.Code);
                            }

                            // A grade given and not known would otherwise become Unknown without a word.
                            if (fact.Grade.Code == Grades.Grade.UnknownCode && fact.Post.GradeAsWritten.Length > 0 && unknownGrades.Count < MaxListed
                                && !unknownGrades.Contains(fact.Post.GradeAsWritten) && !_reference.Grades.Knows(fact.Post.GradeAsWritten))
                            {
                                unknownGrades.Add(fact.Post.GradeAsWritten);
                            }

                            if (fact.Organisation.RolledUpFrom is { } site)
                            {
                                rolledUp.Add($"{site} → {fact.Organisation.Code}");
                            }

                            break;
                        case RowOutcomeKind.OutOfScope:
                            counts.OutOfScope++;
                            break;
                        case RowOutcomeKind.Excluded:
                            counts.Excluded++;
                            break;
                        case RowOutcomeKind.Rejected:
                            counts.Rejected++;
                            if (rejections.Count < _options.MaxRejectionDetails)
                            {
                                rejections.Add(outcome.Rejection!);
                            }

                            break;
                    }

                    if (progress is not null && clock.Elapsed >= nextProgress)
                    {
                        progress.Report(new LoadProgress(source.FileName, counts.Read, clock.Elapsed));
                        nextProgress = clock.Elapsed + ProgressEvery;
                    }
                }

                var duplicateColumn = header.ColumnOf(EsrField.AssignmentNumber) is { } c ? headerNames[c] : headerNames[header.Columns[EsrRowNormaliser.IdentifierOf(header)]];
                foreach (var row in await writer.RemoveDuplicateAssignmentsAsync(ct))
                {
                    counts.Loaded--;
                    counts.Rejected++;
                    if (rejections.Count < _options.MaxRejectionDetails)
                    {
                        rejections.Add(new RowRejection(row, duplicateColumn, "DUPLICATE_ASSIGNMENT", "The same assignment appears earlier in this file for the same month and organisation; the first occurrence was kept."));
                    }
                }

                if (counts.Read == 0)
                {
                    var empty = new BatchSummary(counts, rejections, unmapped, BatchStatus.Rejected, "The file has a header but no data rows.", _time.GetUtcNow()) { ReasonCode = "EMPTY_FILE" };
                    await writer.AbandonAsync(empty, ct);
                    return Report(source.Path, FileLoadStatus.Rejected, counts, clock, extractor, header, empty, writer.BatchId, rejections, unknownOrgs, unmapped, rolledUp, unknownGrades);
                }

                if (counts.RejectedShare > _options.RejectThreshold)
                {
                    var message = $"{counts.Rejected} of {counts.Loaded + counts.Rejected} in-scope rows ({counts.RejectedShare:P1}) failed validation, more than the {_options.RejectThreshold:P1} allowed: the whole file is rejected. See the quarantined rows below.";
                    if (normaliser.RowsWithOnlyLocalIdentifier * 2 > counts.Rejected && header.ColumnOf(EsrField.PersonId) is { } national && header.ColumnOf(EsrField.EmployeeNumber) is { } local)
                    {
                        message += $" {normaliser.RowsWithOnlyLocalIdentifier} of them have '{headerNames[local]}' but no '{headerNames[national]}': if that column is empty in this export, remove it and the file will be keyed on '{headerNames[local]}'.";
                    }

                    var rejected = new BatchSummary(counts, rejections, unmapped, BatchStatus.Rejected, message, _time.GetUtcNow()) { ReasonCode = "THRESHOLD_EXCEEDED" };
                    await writer.AbandonAsync(rejected, ct);
                    _logger.LogInformation("{File}: rejected, {Rejected} rows failed validation", source.FileName, counts.Rejected);
                    return Report(source.Path, FileLoadStatus.Rejected, counts, clock, extractor, header, rejected, writer.BatchId, rejections, unknownOrgs, unmapped, rolledUp, unknownGrades);
                }

                if (!dryRun && VolumeGuard.Check(await writer.PreviewSupersessionAsync(ct), _options, "facts") is { } shrink)
                {
                    var held = new BatchSummary(counts, rejections, unmapped, BatchStatus.Rejected, shrink, _time.GetUtcNow()) { ReasonCode = VolumeGuard.ReasonCode };
                    await writer.AbandonAsync(held, ct);
                    _logger.LogInformation("{File}: held, {Reason}", source.FileName, VolumeGuard.ReasonCode);
                    return Report(source.Path, FileLoadStatus.Rejected, counts, clock, extractor, header, held, writer.BatchId, rejections, unknownOrgs, unmapped, rolledUp, unknownGrades);
                }

                var summary = new BatchSummary(counts, rejections, unmapped, BatchStatus.Loaded, null, _time.GetUtcNow());
                var commit = await writer.CommitAsync(summary, ct);
                _logger.LogInformation("{File}: {Status} batch {Batch}, {Loaded} rows loaded, {Rejected} quarantined", source.FileName, dryRun ? "validated" : "loaded", commit.BatchId, counts.Loaded, counts.Rejected);
                return Report(source.Path, dryRun ? FileLoadStatus.Valid : FileLoadStatus.Loaded, counts, clock, extractor, header, summary, dryRun ? null : commit.BatchId, rejections, unknownOrgs, unmapped, rolledUp, unknownGrades) with { Commit = commit };
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not FileAlreadyTakenException)
            {
                // The data transaction is rolled back; the audit row says the batch failed and why (type and message
                // of the fault, which never carry row values because extractors and normalisers do not put them there).
                var (status, code, message) = FileFault.Describe(ex, source.FileName);
                var failed = new BatchSummary(counts, rejections, unmapped, status == FileLoadStatus.Rejected ? BatchStatus.Rejected : BatchStatus.Failed, message, _time.GetUtcNow()) { ReasonCode = code };
                try
                {
                    await writer.AbandonAsync(failed, ct);
                }
                catch (Exception inner)
                {
                    _logger.LogError("{File}: could not record the failure: {Type}", source.FileName, inner.GetType().Name);
                }

                FileFault.Log(_logger, source.FileName, status, code, ex);
                return Report(source.Path, status, counts, clock, extractor, header, failed, writer.BatchId, rejections, unknownOrgs, unmapped, rolledUp, unknownGrades);
            }
        }
    }

    private static IReadOnlyList<string> HeaderNames(IExtraction extraction, HeaderMatch header) =>
        extraction is IHasHeaderNames named ? named.HeaderNames : header.Columns.OrderBy(kv => kv.Value).Select(kv => kv.Key.ToString()).ToList();

    private static FileLoadReport Report(
        string path,
        FileLoadStatus status,
        BatchCounts counts,
        Stopwatch clock,
        IExtractor extractor,
        HeaderMatch header,
        BatchSummary summary,
        long? batchId,
        IReadOnlyList<RowRejection> rejections,
        IEnumerable<string> unknownOrgs,
        IReadOnlyDictionary<UnmappedPost, long> unmapped,
        IEnumerable<string> rolledUpSites,
        IEnumerable<string> unknownGrades) =>
        new(path, status, counts, clock.Elapsed)
        {
            BatchId = batchId is > 0 ? batchId : null,
            Extractor = extractor.Name,
            Message = summary.Message,
            ReasonCode = summary.ReasonCode,
            Rejections = rejections,
            UnknownColumns = header.UnknownColumns,
            PersonalColumnsDropped = header.PersonalColumnsDropped,
            UnknownOrganisations = unknownOrgs.ToList(),
            UnknownGrades = unknownGrades.ToList(),
            RolledUpSites = rolledUpSites.ToList(),
            UnmappedRows = unmapped.Values.Sum(),
        };
}
