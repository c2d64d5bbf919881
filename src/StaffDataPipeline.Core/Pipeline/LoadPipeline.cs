using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.People;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Extract → normalise → load, one file at a time, each file one atomic batch. Decides what a file is (already loaded?
/// which format?) and hands it to the batch-load template with the source kind that reads that format. A run never
/// stops on one file: whatever goes wrong with a file becomes that file's report, and the next file is read.
/// </summary>
public sealed class LoadPipeline
{
    private readonly ReferenceDataSet _reference;
    private readonly ExtractorRegistry _extractors;
    private readonly IWarehouse _warehouse;
    private readonly WarehouseKeyGuard _keys;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LoadPipeline> _logger;
    private readonly IReadOnlyList<SourceKind> _kinds;

    /// <param name="kinds">
    /// The kinds of source this pipeline loads; <see cref="SourceKinds.Standard"/> when not given. A list, not an
    /// enumerable, so that a container does not hand an empty one in place of the default.
    /// </param>
    public LoadPipeline(
        ReferenceDataSet reference,
        ExtractorRegistry extractors,
        IWarehouse warehouse,
        WarehouseKeyGuard keys,
        LoadOptions options,
        TimeProvider time,
        ILogger<LoadPipeline> logger,
        IReadOnlyList<SourceKind>? kinds = null)
    {
        _kinds = kinds ?? SourceKinds.Standard;
        _reference = reference;
        _extractors = extractors;
        _warehouse = warehouse;
        _keys = keys;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The options this pipeline loads with (a job derives per-file options from them with <see cref="With"/>).</summary>
    public LoadOptions Options => _options;

    /// <summary>The same pipeline with other load options (a scheduled job's own reject threshold or snapshot month).</summary>
    public LoadPipeline With(LoadOptions options) => new(_reference, _extractors, _warehouse, _keys, options, _time, _logger, _kinds);

    /// <summary>
    /// Loads (or, with <paramref name="dryRun"/>, validates without writing anything, not even a key file or a schema)
    /// every file the paths name. Throws only for what stops the whole run: a key that does not match the warehouse,
    /// or a warehouse that cannot be opened.
    /// </summary>
    public async Task<IReadOnlyList<FileLoadReport>> RunAsync(IEnumerable<string> paths, bool dryRun, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        using var run = LoadRun.Start(paths);
        return await RunAsync(run, dryRun, progress, ct);
    }

    /// <summary>
    /// <see cref="RunAsync(IEnumerable{string}, bool, IProgress{LoadProgress}?, CancellationToken)"/> for a run already
    /// started (<see cref="LoadRun.Start"/>), whose first file has been read for its hash on another core since: while
    /// the host composed this pipeline (the reference data read) and while this one migrates and opens the warehouse.
    /// </summary>
    public Task<IReadOnlyList<FileLoadReport>> RunAsync(LoadRun run, bool dryRun, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        return RunEntriesAsync(run.Entries, run.FirstInspection, dryRun, progress, ct);
    }

    private async Task<IReadOnlyList<FileLoadReport>> RunEntriesAsync(
        IReadOnlyList<SourceEntry> entries, FirstInspection firstInspection, bool dryRun, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        // Nothing to read (every path mistyped or missing, a folder of nothing loadable): the warehouse is not
        // created, migrated or opened for a run that can only report.
        if (!entries.Any(e => e.IsToRead))
        {
            return [.. entries.Select(NotRead)];
        }

        if (!dryRun)
        {
            await _warehouse.MigrateAsync(ct);
        }

        var pseudonymiser = _keys.PseudonymiserFor(await _warehouse.ReadKeyStateAsync(ct), readOnly: dryRun);

        // The team's organisations first, then the ODS release imported into this warehouse (sites roll up to trusts).
        var organisations = _reference.Organisations.WithOds(await _warehouse.ReadOdsOrganisationsAsync(ct));
        var context = new LoadContext(_reference, organisations, pseudonymiser, _warehouse, _options, _time, dryRun);
        var reports = new List<FileLoadReport>();
        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            reports.Add(entry.IsToRead
                ? await LoadFileAsync(entry.Path, firstInspection.Take(entry), context, progress, ct)
                : NotRead(entry));
        }

        return reports;
    }

    private static FileLoadReport NotRead(SourceEntry entry) => entry switch
    {
        { SkipReason: { } reason } => new FileLoadReport(entry.Path, FileLoadStatus.Skipped, new BatchCounts(), TimeSpan.Zero) { Message = reason },
        _ => FileFault.NotFound(entry.Path),
    };

    private async Task<FileLoadReport> LoadFileAsync(string path, Task<SourceFile>? inspection, LoadContext context, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var fileName = Path.GetFileName(path);
        try
        {
            return await LoadOneAsync(path, inspection, context, progress, clock, ct);
        }
        catch (FileAlreadyTakenException taken)
        {
            return Taken(path, taken.Batch, clock);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var (status, code, message) = FileFault.Describe(ex, fileName);
            FileFault.Log(_logger, fileName, status, code, ex);
            return new FileLoadReport(path, status, new BatchCounts(), clock.Elapsed) { Message = message, ReasonCode = code };
        }
    }

    private async Task<FileLoadReport> LoadOneAsync(string path, Task<SourceFile>? inspection, LoadContext context, IProgress<LoadProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        var source = inspection is null ? SourceFileReader.Inspect(path) : await inspection;
        return await LoadInspectedAsync(path, source, context, progress, clock, ct) with { Sha256 = source.Sha256 };
    }

    private async Task<FileLoadReport> LoadInspectedAsync(string path, SourceFile source, LoadContext context, IProgress<LoadProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        var dryRun = context.DryRun;
        if (await _warehouse.FindBatchOfFileAsync(source.Sha256, ct) is { } existing)
        {
            return Taken(path, existing, clock);
        }

        var refusal = new FileRefusal(_warehouse, _reference.Taxonomy.Version, _time, _logger);
        if (string.Equals(Path.GetExtension(path), ".ods", StringComparison.OrdinalIgnoreCase))
        {
            return await refusal.RecordAsync(source, "(none)", "ODS_NOT_SUPPORTED", $"{source.FileName}: OpenDocument spreadsheets (.ods) are not read. Save it as .xlsx and load that.", new BatchCounts(), dryRun, clock, ct);
        }

        ISourceFormat format;
        try
        {
            format = _extractors.Choose(source);
        }
        catch (FileRejectedException ex)
        {
            return await refusal.RecordAsync(source, "(none)", ex.ReasonCode, ex.Message, new BatchCounts(), dryRun, clock, ct);
        }

        var kind = _kinds.FirstOrDefault(k => k.Reads(format))
            ?? throw new InvalidOperationException($"No source kind reads the format {format.Name}: add its SourceKind to the pipeline's kinds.");
        return await kind.LoadAsync(new BatchLoad(context, progress, _logger), source, format, clock, ct);
    }

    private FileLoadReport Taken(string path, BatchOfFile batch, Stopwatch clock)
    {
        _logger.LogInformation("{File}: batch {Batch} is {Status}", Path.GetFileName(path), batch.BatchId, batch.Status);
        return batch.IsLoaded
            ? new FileLoadReport(path, FileLoadStatus.AlreadyLoaded, new BatchCounts(), clock.Elapsed)
            {
                BatchId = batch.BatchId,
                LoadedAs = batch.FileName is { } name && !string.Equals(name, Path.GetFileName(path), StringComparison.Ordinal) ? name : null,
                Message = $"Already loaded as batch {batch.BatchId}: these exact bytes are in the warehouse.",
            }
            : new FileLoadReport(path, FileLoadStatus.BeingLoadedElsewhere, new BatchCounts(), clock.Elapsed)
            {
                BatchId = batch.BatchId,
                ReasonCode = "BEING_LOADED",
                Message = $"Already being loaded (batch {batch.BatchId}) by another process ({batch.Owner}); this run left it alone.",
            };
    }
}
