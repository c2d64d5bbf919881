using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.People;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Extract → normalise → load, one file at a time, each file one atomic batch. Decides what a file is (already loaded?
/// which format?) and hands it to the loader for that format.
/// </summary>
public sealed class LoadPipeline
{
    private readonly ReferenceDataSet _reference;
    private readonly ExtractorRegistry _extractors;
    private readonly IWarehouse _warehouse;
    private readonly PersonPseudonymiser _pseudonymiser;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LoadPipeline(
        ReferenceDataSet reference,
        ExtractorRegistry extractors,
        IWarehouse warehouse,
        PersonPseudonymiser pseudonymiser,
        LoadOptions options,
        TimeProvider time,
        ILogger<LoadPipeline> logger)
    {
        _reference = reference;
        _extractors = extractors;
        _warehouse = warehouse;
        _pseudonymiser = pseudonymiser;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<IReadOnlyList<FileLoadReport>> RunAsync(IEnumerable<string> paths, bool dryRun, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        await _warehouse.MigrateAsync(ct);
        var reports = new List<FileLoadReport>();
        foreach (var file in SourcePaths.Expand(paths))
        {
            reports.Add(await LoadFileAsync(file, dryRun, progress, ct));
        }

        return reports;
    }

    public async Task<FileLoadReport> LoadFileAsync(string path, bool dryRun, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var counts = new BatchCounts();
        if (!File.Exists(path))
        {
            return new FileLoadReport(path, FileLoadStatus.Failed, counts, clock.Elapsed) { Message = "File not found." };
        }

        var source = SourceFileReader.Inspect(path);
        if (await _warehouse.FindLoadedBatchAsync(source.Sha256, ct) is { } existing)
        {
            _logger.LogInformation("{File}: already loaded as batch {Batch}", source.FileName, existing);
            return new FileLoadReport(path, FileLoadStatus.AlreadyLoaded, counts, clock.Elapsed)
            {
                BatchId = existing,
                Message = $"Already loaded as batch {existing}: these exact bytes are in the warehouse.",
            };
        }

        ISourceFormat format;
        try
        {
            format = _extractors.Choose(source);
        }
        catch (FileRejectedException ex)
        {
            return await new FileRefusal(_warehouse, _reference.Taxonomy.Version, _time, _logger).RecordAsync(source, "(none)", ex.Message, counts, dryRun, clock, ct);
        }

        return format switch
        {
            ISurveyExtractor survey => await new SurveyFileLoader(_reference, _warehouse, _options, _time, _logger).LoadAsync(source, survey, dryRun, clock, ct),
            IExtractor esr => await new EsrFileLoader(_reference, _warehouse, _pseudonymiser, _options, _time, _logger).LoadAsync(source, esr, dryRun, progress, clock, ct),
            _ => throw new InvalidOperationException($"No loader for source format {format.Name}."),
        };
    }
}
