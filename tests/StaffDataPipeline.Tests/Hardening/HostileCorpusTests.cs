using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>
/// Every file of the hostile corpus (Fixtures/hostile, made by make_hostile.py) in a run followed by a good file:
/// the hostile file ends with its documented outcome and reason code, the good file after it still loads, the
/// warehouse passes SQLite's integrity check, and a refused file leaves nothing behind but its audit row.
/// </summary>
public sealed class HostileCorpusTests : IDisposable
{
    private readonly SqliteWarehouseProvider _provider = new();

    public void Dispose() => _provider.Dispose();

    [Theory]
    [InlineData("ambiguous-fte-wte_2023-09.csv", FileLoadStatus.Rejected, "AMBIGUOUS_HEADER")]
    [InlineData("broken-xml.xlsx", FileLoadStatus.Rejected, "WORKBOOK_DAMAGED")]
    [InlineData("falsified-sizes.xlsx", FileLoadStatus.Rejected, "WORKBOOK_DAMAGED")]
    [InlineData("empty.csv", FileLoadStatus.Rejected, "EMPTY_FILE")]
    [InlineData("random-bytes.csv", FileLoadStatus.Rejected, "UNRECOGNISED_FORMAT")]
    [InlineData("unclosed-quote_2023-09.csv", FileLoadStatus.Rejected, "MALFORMED_CSV")]
    [InlineData("uncalculated-formulas.xlsx", FileLoadStatus.Rejected, "THRESHOLD_EXCEEDED")]
    [InlineData("return.ods", FileLoadStatus.Rejected, "ODS_NOT_SUPPORTED")]
    [InlineData("zip-bomb.xlsx", FileLoadStatus.Rejected, "WORKBOOK_ZIP_BOMB")]
    [InlineData("truncated.xlsx", FileLoadStatus.Rejected, "NOT_A_SPREADSHEET")]
    [InlineData("not-a-spreadsheet.xlsx", FileLoadStatus.Rejected, "NOT_A_SPREADSHEET")]
    [InlineData("word-document-renamed.xlsx", FileLoadStatus.Rejected, "NOT_A_SPREADSHEET")]
    [InlineData("password-protected.xlsx", FileLoadStatus.Rejected, "WORKBOOK_ENCRYPTED")]
    [InlineData("macro-enabled.xlsm", FileLoadStatus.Rejected, "WORKBOOK_MACROS")]
    [InlineData("short-row-shifts-values_2023-09.csv", FileLoadStatus.Loaded, null)]
    [InlineData("control-characters_2023-09.csv", FileLoadStatus.Loaded, null)]
    [InlineData("hidden-rows.xlsx", FileLoadStatus.Loaded, null)]
    [InlineData("total-rows-worded.xlsx", FileLoadStatus.Loaded, null)]
    public async Task A_hostile_file_ends_with_its_outcome_and_the_next_file_still_loads(string file, FileLoadStatus expected, string? reasonCode)
    {
        var good = Repository.Samples("esr", "RGT_staff_in_post_2023-09.csv");

        var reports = await TestPipeline.Create(_provider.CreateWarehouse(Reference.Data)).RunAsync([Hostile(file), good], dryRun: false, null, CancellationToken.None);

        Assert.Equal(expected, reports[0].Status);
        Assert.Equal(reasonCode, reports[0].ReasonCode);
        Assert.Equal(FileLoadStatus.Loaded, reports[1].Status);
        Assert.Equal("ok", _provider.Scalar<string>("PRAGMA integrity_check"));
        if (expected == FileLoadStatus.Rejected)
        {
            var batch = reports[0].BatchId!.Value;
            Assert.Equal(reasonCode, _provider.Scalar<string>($"SELECT reason_code FROM v_load_history WHERE batch_id = {batch}"));
            Assert.Equal(0, _provider.Scalar<long>($"SELECT COUNT(*) FROM fact_staff_in_post WHERE batch_id = {batch}"));
            Assert.Equal(0, _provider.Scalar<long>($"SELECT COUNT(*) FROM survey_return WHERE batch_id = {batch}"));
        }
    }

    [Fact]
    public async Task A_short_row_is_quarantined_whole_and_its_shifted_values_are_stored_nowhere()
    {
        var report = (await Run("short-row-shifts-values_2023-09.csv")).Single();

        var rejection = Assert.Single(report.Rejections);
        Assert.Equal((22L, "(whole row)", "FIELD_COUNT"), (rejection.RowNumber, rejection.Column, rejection.ReasonCode));
        Assert.Equal(30, _provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal("FIELD_COUNT", _provider.Scalar<string>("SELECT reason_code FROM rejected_row"));
        Assert.DoesNotContain("QZ999999Z", WarehouseText(), StringComparison.Ordinal);
        Assert.DoesNotContain("14/07/1966", WarehouseText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_and_nul_bytes_never_reach_the_warehouse()
    {
        await Run("control-characters_2023-09.csv");

        var titles = _provider.Query<string>("SELECT position_title FROM dim_position ORDER BY position_title");
        Assert.Equal(["Clinical Scientist[31m", "Genetic Counsellor"], titles);
    }

    [Fact]
    public async Task Hidden_rows_are_not_loaded_and_are_named_in_the_report_and_in_survey_warning()
    {
        var report = (await Run("hidden-rows.xlsx")).Single();

        Assert.Equal(7, _provider.Scalar<long>("SELECT SUM(headcount) FROM survey_line"));
        Assert.Contains(report.Warnings, w => w.RuleCode == "SURVEY_HIDDEN_ROWS" && w.Message.StartsWith("Rows 3–4 are hidden and were not loaded", StringComparison.Ordinal));
        Assert.Equal("SURVEY_HIDDEN_ROWS", _provider.Scalar<string>("SELECT rule_code FROM survey_warning"));
        Assert.Equal(2, report.Counts.Excluded);
    }

    [Fact]
    public async Task Total_rows_are_ignored_however_they_are_worded_in_the_role_or_the_grade_cell()
    {
        var report = (await Run("total-rows-worded.xlsx")).Single();

        Assert.Equal((2L, 6L), (report.Counts.Loaded, report.Counts.Excluded));
        Assert.Equal(7, _provider.Scalar<long>("SELECT SUM(headcount) FROM survey_line"));
        Assert.Equal(0, _provider.Scalar<long>("SELECT COUNT(*) FROM survey_line l JOIN dim_role r ON r.role_id = l.role_id WHERE r.role_code = 'UNMAPPED'"));
    }

    [Fact]
    public async Task Formulas_never_calculated_are_quarantined_with_a_message_that_says_to_open_and_save_the_workbook()
    {
        var report = (await Run("uncalculated-formulas.xlsx")).Single();

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.All(report.Rejections, r => Assert.Equal("SURVEY_FORMULA_NOT_CALCULATED", r.ReasonCode));
        Assert.Contains("Open the workbook in Excel or LibreOffice, save it", report.Rejections[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, _provider.Scalar<long>("SELECT COUNT(*) FROM survey_line"));
    }

    [Theory]
    [InlineData("<html><body><table><tr><td>Employee Number</td></tr></table></body></html>", "it is a web page (an HTML table")]
    [InlineData("Employee Number,Position Title,Organisation Code\n1,Clinical Scientist,RGT\n", "it is plain text, most likely CSV or tab-separated values saved with a workbook's name; rename it to .csv")]
    public async Task A_report_exported_to_excel_as_a_web_page_or_text_is_told_how_to_load_it(string content, string expected)
    {
        // What a report's "export to Excel" often writes: not a workbook, with a workbook's name.
        using var dir = new TempDirectory();
        var path = dir.Write("RGT_2023-09.xls", content);

        var report = (await TestPipeline.Create(_provider.CreateWarehouse(Reference.Data)).RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal("NOT_A_SPREADSHEET", report.ReasonCode);
        Assert.Contains(expected, report.Message, StringComparison.Ordinal);
    }

    private static string Hostile(string file) => Repository.Fixture(Path.Combine("hostile", file));

    private Task<IReadOnlyList<FileLoadReport>> Run(string file) =>
        TestPipeline.Create(_provider.CreateWarehouse(Reference.Data)).RunAsync([Hostile(file)], dryRun: false, null, CancellationToken.None);

    private string WarehouseText()
    {
        using var connection = new SqliteConnection($"Data Source={_provider.DatabasePath};Pooling=False");
        connection.Open();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        return System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(_provider.DatabasePath));
    }
}
