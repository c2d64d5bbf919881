using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Excel.Reading;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// ESR staff-in-post reports saved as workbooks, as ESR BI exports them (Fixtures/esr-workbooks, made by
/// make_esr_workbooks.py from sample CSVs, the .xls by LibreOffice): chosen by content, read with the CSV extractor's
/// semantics, and loaded into a real SQLite warehouse as the same facts as the CSV.
/// </summary>
public sealed class EsrWorkbookExtractorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly EsrWorkbookExtractor _extractor = new(Reference.Data.Aliases, Reference.Data.SurveyAliases);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("RQ3_staff_in_post_2023-09.csv", "RQ3_staff_in_post_2023-09.xlsx", 3)]
    [InlineData("RQ3_staff_in_post_2023-09.csv", "RQ3_staff_in_post_2023-09.xls", 3)]
    [InlineData("esr_record_level_RJ1_202309.csv", "esr_record_level_RJ1_202309.xlsx", 2)]
    public async Task The_same_report_as_csv_and_as_a_workbook_gives_identical_facts(string csv, string workbook, int bannerLines)
    {
        using var csvDb = new SqliteWarehouseProvider();
        using var workbookDb = new SqliteWarehouseProvider();

        var fromCsv = await Load(csvDb, Fixture(csv));
        var fromWorkbook = await Load(workbookDb, Fixture(workbook));

        Assert.Equal((FileLoadStatus.Loaded, "esr-csv"), (fromCsv.Status, fromCsv.Extractor));
        Assert.Equal((FileLoadStatus.Loaded, "esr-workbook"), (fromWorkbook.Status, fromWorkbook.Extractor));
        Assert.Equal(Counts(fromCsv), Counts(fromWorkbook));
        Assert.True(fromCsv.Counts.Loaded > 50, $"only {fromCsv.Counts.Loaded} facts: the comparison would prove little");

        var csvFacts = WarehouseFacts.Of(csvDb.DatabasePath);
        var workbookFacts = WarehouseFacts.Of(workbookDb.DatabasePath);
        Assert.Equal(fromCsv.Counts.Loaded, csvFacts.Count);
        Assert.Equal(csvFacts.Select(f => f.Values), workbookFacts.Select(f => f.Values));

        // Rows are traced back to the row Excel shows: the banner lines above the header push every row down.
        Assert.Equal(csvFacts.Select(f => f.SourceRow + bannerLines), workbookFacts.Select(f => f.SourceRow));
        Assert.Equal(
            fromCsv.Rejections.Select(r => (r.RowNumber + bannerLines, r.Column, r.ReasonCode)),
            fromWorkbook.Rejections.Select(r => (r.RowNumber, r.Column, r.ReasonCode)));
        Assert.Equal(
            Batch(csvDb.DatabasePath),
            Batch(workbookDb.DatabasePath));
    }

    [Theory]
    [InlineData("RQ3_staff_in_post_2023-09.csv", "RQ3_staff_in_post_2023-09.xlsx", 3)]
    [InlineData("RQ3_staff_in_post_2023-09.csv", "RQ3_staff_in_post_2023-09.xls", 3)]
    [InlineData("esr_record_level_RJ1_202309.csv", "esr_record_level_RJ1_202309.xlsx", 2)]
    public void A_workbook_yields_the_records_the_csv_extractor_yields(string csv, string workbook, int bannerLines)
    {
        var fromCsv = Records(new EsrCsvExtractor(Reference.Data.Aliases), Fixture(csv));
        var fromWorkbook = Records(_extractor, Fixture(workbook));

        Assert.Equal(fromCsv.Count, fromWorkbook.Count);
        Assert.Equal(fromCsv.Select(r => r.Row + bannerLines), fromWorkbook.Select(r => r.Row));
        for (var i = 0; i < fromCsv.Count; i++)
        {
            foreach (var field in Enum.GetValues<EsrField>())
            {
                var (expected, actual) = (fromCsv[i].Fields[field], fromWorkbook[i].Fields[field]);
                Assert.True(SameValue(expected, actual), $"row {fromWorkbook[i].Row}, {field}: the CSV says '{expected}', the workbook '{actual}'");
            }
        }
    }

    [Fact]
    public void Numbers_and_dates_read_as_text_the_normaliser_reads_exactly()
    {
        var rows = Records(_extractor, Fixture("RQ3_staff_in_post_2023-09.xlsx"));
        var first = rows[0];

        // The workbook stores these as numbers and date cells, not text.
        Assert.Equal("10000001", first.Fields[EsrField.EmployeeNumber]);
        Assert.Equal("0.6", first.Fields[EsrField.Fte]);
        Assert.Equal("22.5", first.Fields[EsrField.ContractedHours]);
        Assert.Equal("1999-09-21", first.Fields[EsrField.DateOfBirth]);
        Assert.Equal("2023-09-30", first.Fields[EsrField.SnapshotDate]);

        // One FTE is stored as a formula would leave it, 0.7000000000000001: it reads as Excel shows it.
        Assert.DoesNotContain(rows, r => r.Fields[EsrField.Fte] is { Length: > 8 });
        Assert.Contains(rows, r => r.Fields[EsrField.Fte] == "0.7");
    }

    [Theory]
    [InlineData(0.8, "0.8")]
    [InlineData(0.1 * 7, "0.7")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1.0, "1")]
    [InlineData(37.5, "37.5")]
    [InlineData(10000591d, "10000591")]
    [InlineData(1234567890123456d, "1234567890123456")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(0.0001, "0.0001")]
    public void A_number_reads_as_excel_shows_it_without_an_exponent_or_a_trailing_zero(double value, string expected)
    {
        Assert.Equal(expected, CellText.Number(value));
    }

    [Fact]
    public void Banner_lines_and_blank_rows_are_skipped_and_rows_are_numbered_as_excel_shows_them()
    {
        var rows = Records(_extractor, Fixture("blank-rows_2023-09.xlsx"));

        Assert.Equal([4L, 7L], rows.Select(r => r.Row));
        Assert.Equal(["10000591", "10000592"], rows.Select(r => r.Fields[EsrField.EmployeeNumber]));
        Assert.Equal(["0.8", "1"], rows.Select(r => r.Fields[EsrField.Fte]));
        Assert.Equal("Genetic Counsellor", rows[1].Fields[EsrField.PositionTitle]);
        Assert.Null(rows[0].Fields[EsrField.AssignmentNumber]);
    }

    [Fact]
    public async Task A_row_read_by_a_formula_never_calculated_is_quarantined_not_given_an_fte_made_up_from_hours()
    {
        // FTE is =ROUND(hours/37.5,2) with no cached value: blank to ExcelDataReader, so hours would have stood in.
        using var db = new SqliteWarehouseProvider();

        var report = await Load(db, Fixture("uncalculated-fte_2023-09.xlsx"));

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Equal(3, report.Counts.Rejected);

        // The formula copied down to rows 6 and 7, with nothing else there, is blank: not rows, not quarantined.
        Assert.Equal(3, report.Counts.Read);
        Assert.All(report.Rejections, r => Assert.Equal("FORMULA_NOT_CALCULATED", r.ReasonCode));
        Assert.Equal([3L, 4L, 5L], report.Rejections.Select(r => r.RowNumber));
        Assert.Contains("The cell in column 'FTE' holds a formula that was never calculated", report.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_esr_workbook_outscores_the_survey_extractor_and_a_survey_return_scores_nothing()
    {
        var survey = new ExcelSurveyExtractor(Reference.Data.SurveyAliases);
        var esr = SourceFileReader.Inspect(Fixture("RQ3_staff_in_post_2023-09.xls"));
        var returns = Directory.GetFiles(Repository.Samples("surveys")).Append(Repository.Samples("survey-template-v1.xlsx")).ToList();

        Assert.True(_extractor.Probe(esr) > survey.Probe(esr), "an ESR report must be read as ESR, not as a survey return");
        Assert.Contains(returns, r => r.EndsWith(".xls", StringComparison.Ordinal));
        Assert.All(returns, r => Assert.Equal(0, _extractor.Probe(SourceFileReader.Inspect(r))));
        Assert.Equal(0, _extractor.Probe(SourceFileReader.Inspect(Fixture("budget-not-a-report.xlsx"))));
        Assert.Equal(0, _extractor.Probe(SourceFileReader.Inspect(Fixture("RQ3_staff_in_post_2023-09.csv"))));
    }

    [Fact]
    public async Task Survey_returns_still_load_as_survey_returns()
    {
        using var db = new SqliteWarehouseProvider();

        var reports = await TestPipeline.Create(db.CreateWarehouse(Reference.Data)).RunAsync(
            [Repository.Samples("surveys", "RGT_glh_return_2024-25-Q2.xlsx"), Repository.Samples("surveys", "RVJ_glh_return_2024-25-Q2.xls")],
            dryRun: false,
            null,
            CancellationToken.None);

        Assert.All(reports, r => Assert.Equal((FileLoadStatus.Loaded, "survey-workbook", true), (r.Status, r.Extractor, r.IsSurveyReturn)));
        Assert.Equal(2, db.Scalar<long>("SELECT COUNT(*) FROM survey_return"));
    }

    [Fact]
    public async Task Columns_that_disagree_are_refused_alike_in_a_csv_and_a_workbook()
    {
        using var db = new SqliteWarehouseProvider();

        var reports = await TestPipeline.Create(db.CreateWarehouse(Reference.Data)).RunAsync(
            [Fixture("ambiguous-fte-wte_2023-09.csv"), Fixture("ambiguous-fte-wte_2023-09.xlsx")],
            dryRun: false,
            null,
            CancellationToken.None);

        Assert.All(reports, r => Assert.Equal((FileLoadStatus.Rejected, "AMBIGUOUS_HEADER"), (r.Status, r.ReasonCode)));
        Assert.Equal(
            reports[0].Message!.Replace(".csv", string.Empty, StringComparison.Ordinal).Replace("row 3", "row N", StringComparison.Ordinal),
            reports[1].Message!.Replace(".xlsx", string.Empty, StringComparison.Ordinal).Replace("row 6", "row N", StringComparison.Ordinal));
        Assert.Equal(0, db.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [Fact]
    public async Task A_workbook_of_neither_kind_is_refused_saying_what_was_looked_for_and_what_to_do()
    {
        using var db = new SqliteWarehouseProvider();

        var report = (await TestPipeline.Create(db.CreateWarehouse(Reference.Data)).RunAsync([Fixture("budget-not-a-report.xlsx")], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal((FileLoadStatus.Rejected, "WORKBOOK_UNRECOGNISED"), (report.Status, report.ReasonCode));
        Assert.StartsWith("budget-not-a-report.xlsx: ", report.Message, StringComparison.Ordinal);
        Assert.Contains("no Cover sheet", report.Message, StringComparison.Ordinal);
        Assert.Contains("no header row naming ESR columns", report.Message, StringComparison.Ordinal);
        Assert.Contains($"first {StaffDataPipeline.Headers.HeaderSignature.SearchRows} rows", report.Message, StringComparison.Ordinal);
        Assert.Contains("export the ESR report with its column headings", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sequencing", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_changed_while_it_was_read_is_not_recorded_under_the_old_hash()
    {
        var path = Path.Combine(_dir.Path, "RQ3_staff_in_post_2023-09.xlsx");
        File.Copy(Fixture("RQ3_staff_in_post_2023-09.xlsx"), path);
        var inspected = SourceFileReader.Inspect(path);
        using var extraction = _extractor.Open(inspected, new ExtractionOptions(Reference.Data.Aliases));
        File.AppendAllText(path, "appended by a copy still running");

        Assert.Throws<SourceChangedException>(() => extraction.Records().Count());
    }

    private static (long Read, long Loaded, long OutOfScope, long Excluded, long Rejected) Counts(FileLoadReport r) =>
        (r.Counts.Read, r.Counts.Loaded, r.Counts.OutOfScope, r.Counts.Excluded, r.Counts.Rejected);

    private static bool SameValue(string? csv, string? workbook)
    {
        if (csv is null || workbook is null)
        {
            return csv == workbook;
        }

        // Dates read as ISO from date cells and dd/MM/yyyy from the CSV; numbers lose the CSV's trailing zeros.
        if (TextValues.TryDate(csv, out var a) && TextValues.TryDate(workbook, out var b))
        {
            return a == b;
        }

        if (TextValues.TryDecimal(csv, out var x) && TextValues.TryDecimal(workbook, out var y))
        {
            return x == y && !workbook.Contains('E', StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(csv, workbook, StringComparison.Ordinal);
    }

    private static string Fixture(string name) => Repository.Fixture(Path.Combine("esr-workbooks", name));

    private static List<(long Row, Dictionary<EsrField, string?> Fields)> Records(IExtractor extractor, string path)
    {
        using var extraction = extractor.Open(SourceFileReader.Inspect(path), new ExtractionOptions(Reference.Data.Aliases));
        return extraction.Records()
            .Select(r => (r.RowNumber, Enum.GetValues<EsrField>().ToDictionary(f => f, r.Field)))
            .ToList();
    }

    private static async Task<FileLoadReport> Load(SqliteWarehouseProvider db, string path) =>
        (await TestPipeline.Create(db.CreateWarehouse(Reference.Data)).RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();

    private static string Batch(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        return connection.QuerySingle<string>(
            "SELECT status || ' ' || rows_read || ' ' || rows_loaded || ' ' || rows_out_of_scope || ' ' || rows_excluded || ' ' || rows_rejected || ' ' || COALESCE(person_identifier, '-') || ' ' || taxonomy_version FROM load_batch");
    }
}
