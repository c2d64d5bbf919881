using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Excel.Template;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Loading;

/// <summary>
/// The batch-load template holds its guards for every kind of source, on real workbooks and a real SQLite warehouse:
/// what the ESR path always did (the rejection cap) now holds for survey returns too, and the kinds are plugged in.
/// </summary>
public sealed class BatchLoadTemplateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_survey_return_keeps_quarantined_lines_in_detail_up_to_the_cap_and_counts_the_rest()
    {
        // 60 good lines and 3 with a negative figure: under the 5% threshold, so the return loads with 3 quarantined.
        var lines = Enumerable.Range(0, 60).Select(i => new object?[] { "GC", $"Band {(i % 3) + 5}", 1, 1, 1, 0, 0, 0 }).ToList();
        lines.AddRange(Enumerable.Range(0, 3).Select(_ => new object?[] { "LAB-PRACT", "Band 5", 5, -1, 5, 0, 0, 0 }));
        var path = _dir.File("capped.xlsx");
        SurveyWorkbookWriter.Write(path, Spec() with { Workforce = lines, Demand = [], Comments = [] });
        var db = _dir.File("warehouse.db");

        var report = (await TestPipeline.Create(Warehouse(db), options: new LoadOptions { MaxRejectionDetails = 1 })
            .RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(3, report.Counts.Rejected);
        Assert.Equal("SURVEY_NEGATIVE", Assert.Single(report.Rejections).ReasonCode);
        Assert.Equal(1, SqliteFile.Scalar<long>(db, "SELECT COUNT(*) FROM rejected_row"));
        Assert.Equal(3, SqliteFile.Scalar<long>(db, "SELECT rows_rejected FROM load_batch"));
    }

    [Fact]
    public async Task A_pipeline_given_no_kind_for_the_chosen_format_fails_that_file_with_a_sentence_and_loads_the_others()
    {
        var survey = _dir.File("RGT_return.xlsx");
        SurveyWorkbookWriter.Write(survey, Spec());
        var db = _dir.File("warehouse.db");
        var full = TestPipeline.Create(Warehouse(db));
        var esrOnly = new LoadPipeline(
            Reference.Data,
            new ExtractorRegistry().Add(new Csv.Esr.EsrCsvExtractor(Reference.Data.Aliases)).Add(new Excel.Reading.ExcelSurveyExtractor(Reference.Data.SurveyAliases)),
            Warehouse(db),
            new StaffDataPipeline.People.WarehouseKeyGuard(new StaffDataPipeline.People.PseudonymisationKeySource(), Convert.ToBase64String(TestPipeline.Key), null, "the test warehouse"),
            new LoadOptions(),
            new FixedTimeProvider(new DateTimeOffset(2024, 11, 15, 9, 0, 0, TimeSpan.Zero)),
            NullLogger<LoadPipeline>.Instance,
            [new EsrStaffInPost()]);

        var reports = await esrOnly.RunAsync([survey, Repository.Samples("esr")], dryRun: false, null, CancellationToken.None);
        var loaded = await full.RunAsync([survey], dryRun: false, null, CancellationToken.None);

        var refused = reports.Single(r => r.FileName == "RGT_return.xlsx");
        Assert.Equal(FileLoadStatus.Failed, refused.Status);
        Assert.Contains("No source kind reads the format", refused.Message, StringComparison.Ordinal);
        Assert.All(reports.Where(r => r != refused), r => Assert.True(r.Succeeded, r.FileName));
        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(loaded).Status);
    }

    private static SqliteWarehouse Warehouse(string path) => new(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance);

    private static SurveyWorkbookSpec Spec() => new()
    {
        Cover = [("Organisation ODS code", "RGT"), ("Organisation name", "Cambridge"), ("Organisation type", "GLH"), ("Return period", "2024-25 Q2"), ("Service area", "Rare disease"), ("Template version", "1")],
        Workforce = [["GC", "Band 7", 3, 3, 4, 1, 0, 0], ["Clinical Scientist", "Band 7", 5, 5, 5, 0, 0, 0]],
        Demand = [["GC", "Band 7", 5, 6, "Growth"]],
    };
}
