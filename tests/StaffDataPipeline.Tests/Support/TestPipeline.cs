using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.People;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Support;

/// <summary>
/// Builds a real pipeline over a given warehouse, with a fixed key and clock. The clock stands in November 2024, after
/// the samples' return period (2024-25 Q2), since a return for a period that has not begun is refused.
/// </summary>
internal static class TestPipeline
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static PersonPseudonymiser Pseudonymiser { get; } = new(Key);

    public static LoadPipeline Create(IWarehouse warehouse, ReferenceDataSet? reference = null, LoadOptions? options = null, Func<IExtractor, IExtractor>? wrap = null, Excel.Safety.WorkbookLimits? limits = null, TimeProvider? time = null)
    {
        reference ??= Reference.Data;
        IExtractor extractor = new EsrCsvExtractor(reference.Aliases);
        if (wrap is not null)
        {
            extractor = wrap(extractor);
        }

        return new LoadPipeline(
            reference,
            new ExtractorRegistry().Add(extractor).Add(new Excel.Reading.EsrWorkbookExtractor(reference.Aliases, reference.SurveyAliases)).Add(new Excel.Reading.ExcelSurveyExtractor(reference.SurveyAliases, limits)),
            warehouse,
            new WarehouseKeyGuard(new PseudonymisationKeySource(), Convert.ToBase64String(Key), null, "the test warehouse"),
            options ?? new LoadOptions(),
            time ?? new FixedTimeProvider(new DateTimeOffset(2024, 11, 15, 9, 0, 0, TimeSpan.Zero)),
            NullLogger<LoadPipeline>.Instance);
    }

    /// <summary>Loads each file in turn, one run each, into the SQLite warehouse at <paramref name="path"/>.</summary>
    public static async Task LoadEachAsync(string path, IEnumerable<string> files)
    {
        var pipeline = Create(new Sqlite.SqliteWarehouse(path, Reference.Data, NullLogger<Sqlite.SqliteWarehouse>.Instance));
        foreach (var file in files)
        {
            await pipeline.RunAsync([file], dryRun: false, null, CancellationToken.None);
        }
    }
}
