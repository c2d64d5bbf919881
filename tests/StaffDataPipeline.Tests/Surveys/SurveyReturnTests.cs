using StaffDataPipeline.Excel.Safety;
using StaffDataPipeline.Excel.Template;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Surveys;

/// <summary>
/// Survey return workbooks end to end, on real .xlsx/.xls files and a real warehouse: part of the provider contract,
/// run on SQLite always and on SQL Server when one is given (see <see cref="SqlServerWarehouseProvider"/>).
/// </summary>
public abstract class SurveyReturnTests : IDisposable
{
    private readonly IWarehouseProvider _db;
    private readonly TempDirectory _dir = new();

    protected SurveyReturnTests(IWarehouseProvider provider) => _db = provider;

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableTheory]
    [InlineData("not-a-spreadsheet.xlsx", "is not a spreadsheet, whatever its extension says")]
    [InlineData("word-document-renamed.xlsx", "is a zip package but not an Excel workbook")]
    [InlineData("zip-bomb.xlsx", "refused as a possible zip bomb")]
    [InlineData("macro-enabled.xlsm", "is macro-enabled")]
    [InlineData("macro-inside-xlsx.xlsx", "is macro-enabled")]
    [InlineData("password-protected.xlsx", "is password-protected or encrypted")]
    [InlineData("truncated.xlsx", "not a readable one")]
    public async Task Hostile_files_are_refused_with_a_clear_reason_before_they_are_opened(string file, string expected)
    {
        var report = await Load(Repository.Fixture(Path.Combine("hostile", file)));

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Contains(file, report.Message, StringComparison.Ordinal);
        Assert.Contains(expected, report.Message, StringComparison.Ordinal);
        Assert.Equal("rejected", _db.Scalar<string>("SELECT status FROM load_batch"));
    }

    [SkippableFact]
    public async Task Size_and_shape_limits_are_enforced()
    {
        var path = Return("limits.xlsx", Spec());

        var tooLarge = await Load(path, new WorkbookLimits { MaxFileBytes = 1000 });
        var tooWide = await Load(path, new WorkbookLimits { MaxColumns = 5 });
        var allowed = await Load(Repository.Fixture(Path.Combine("hostile", "macro-enabled.xlsm")), new WorkbookLimits { AllowMacros = true });

        Assert.Contains("may be at most", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("more than Excel allows", tooWide.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("is macro-enabled", allowed.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Every_sample_return_loads_including_the_xls_and_the_messy_ones()
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data));

        var reports = await pipeline.RunAsync([Repository.Samples("surveys")], dryRun: false, null, CancellationToken.None);

        Assert.Equal(12, reports.Count);
        Assert.All(reports, r => Assert.True(r.Status == FileLoadStatus.Loaded, $"{r.FileName}: {r.Message}"));
        Assert.Contains(reports, r => r.FileName.EndsWith(".xls", StringComparison.Ordinal) && r.Counts.Loaded == 30);
        var messy = reports.Single(r => r.FileName.StartsWith("RJ1", StringComparison.Ordinal));
        Assert.Equal(1, messy.Counts.Excluded);
        var text = reports.Single(r => r.FileName.StartsWith("RP4", StringComparison.Ordinal));
        var quarantined = Assert.Single(text.Rejections);
        Assert.Equal(("Workforce", "Vacant WTE", "SURVEY_VACANT_OVER_ESTABLISHMENT"), (quarantined.Sheet, quarantined.Column, quarantined.ReasonCode));
        Assert.Equal(11, _db.Scalar<long>("SELECT COUNT(DISTINCT organisation_code) FROM v_survey_workforce"));
        Assert.Equal(["Cancer (somatic)", "Inherited cancer", "Rare disease"], _db.Query<string>("SELECT DISTINCT service_area FROM v_survey_workforce ORDER BY 1"));
    }

    [SkippableFact]
    public async Task Banner_rows_merged_titles_renamed_reordered_and_hidden_sheets_and_a_total_row_still_load_once()
    {
        var spec = Spec() with
        {
            BannerRows = 4,
            TotalRow = true,
            ReverseSheetOrder = true,
            HiddenLookupSheet = true,
            CoverSheetName = "Organisation details",
            WorkforceSheetName = "Sheet7",
            DemandSheetName = "Projections",
        };

        var report = await Load(Return("messy.xlsx", spec));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(1, report.Counts.Excluded);
        Assert.Equal(
            [("GC", 3.0, 4.0, 1.0), ("LAB-CS", 5.0, 5.0, 0.0)],
            _db.Query<(string, double, double, double)>("SELECT role_code, wte_in_post, establishment_wte, vacant_wte FROM v_survey_workforce ORDER BY role_code"));
        Assert.Equal(8.0, _db.Scalar<double>("SELECT SUM(wte_in_post) FROM v_survey_workforce"));
    }

    [SkippableFact]
    public async Task Blank_columns_before_the_data_and_blank_rows_inside_it_are_skipped()
    {
        var spec = Spec() with
        {
            LeftMarginColumns = 2,
            BannerRows = 2,
            Workforce = [[], ["GC", "Band 7", 3, 3, 4, 1, 0, 0], [], [], ["Clinical Scientist", "Band 7", 5, 5, 5, 0, 0, 0], []],
        };

        var report = await Load(Return("gaps.xlsx", spec));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(3, report.Counts.Read);
        Assert.Equal([("GC", 3.0), ("LAB-CS", 5.0)], _db.Query<(string, double)>("SELECT role_code, wte_in_post FROM v_survey_workforce ORDER BY 1"));
        Assert.Equal("Workforce!5", _db.Scalar<string>("SELECT source_rows FROM fact_survey_workforce f JOIN dim_role r ON r.role_id = f.role_id WHERE r.role_code = 'GC'"));
    }

    [SkippableFact]
    public async Task A_failure_part_way_through_a_return_leaves_no_trace_but_the_audit_row()
    {
        var lines = Enumerable.Range(0, 40).Select(i => new object?[] { "GC", "Band 7", 1, 1, 1, 0, 0, 0 }).ToList();

        var report = await Load(Return("long.xlsx", Spec() with { Workforce = lines }), new WorkbookLimits { MaxRows = 20 });

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Contains("more than 20 rows", report.Message, StringComparison.Ordinal);
        Assert.True(report.Counts.Loaded > 0, "lines were written before the fault");
        Assert.Equal(0, _db.Scalar<long>("SELECT (SELECT COUNT(*) FROM survey_return) + (SELECT COUNT(*) FROM survey_line) + (SELECT COUNT(*) FROM fact_survey_workforce) + (SELECT COUNT(*) FROM fact_survey_comment)"));
        Assert.Equal("rejected", _db.Scalar<string>("SELECT status FROM load_batch"));
    }

    [SkippableFact]
    public async Task Numbers_stored_as_text_thousands_separators_and_not_given_markers_are_read_not_guessed()
    {
        var spec = Spec() with
        {
            Workforce =
            [
                ["GC", "Band 7", "4", " 3.0 ", "1,004.5", "1,001.5", "n/a", "-"],
                ["LAB-CS", "Band 7", "N/K", "5", "5", "0", "", null],
            ],
        };

        var report = await Load(Return("text.xlsx", spec));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(
            [("GC", (double?)4.0, 3.0, 1004.5, 1001.5, (double?)null), ("LAB-CS", null, 5.0, 5.0, 0.0, null)],
            _db.Query<(string, double?, double, double, double, double?)>("SELECT role_code, headcount, wte_in_post, establishment_wte, vacant_wte, agency_locum_wte FROM v_survey_workforce ORDER BY role_code"));
    }

    [SkippableFact]
    public async Task Inconsistent_lines_are_quarantined_or_flagged_by_the_documented_rules_never_fixed()
    {
        var lines = Enumerable.Range(0, 60).Select(i => new object?[] { "GC", $"Band {(i % 3) + 5}", 1, 1, 1, 0, 0, 0 }).ToList();
        lines.Add(["LAB-CS", "Band 7", 5, 5, 5, 6, 0, 0]);
        lines.Add(["LAB-PRACT", "Band 5", 5, -1, 5, 0, 0, 0]);
        lines.Add(["GEN-ADMIN", "Band 3", 5, 2, 10, 1, 0, 0]);
        var report = await Load(Return("rules.xlsx", Spec() with { Workforce = lines, Demand = [], Comments = [] }));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(["SURVEY_VACANT_OVER_ESTABLISHMENT", "SURVEY_NEGATIVE"], report.Rejections.Select(r => r.ReasonCode));
        Assert.Equal(["Workforce"], report.Rejections.Select(r => r.Sheet).Distinct());
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("SURVEY_ESTABLISHMENT_GAP", warning.RuleCode);
        Assert.Equal(("Workforce", "SURVEY_ESTABLISHMENT_GAP"), _db.Query<(string, string)>("SELECT sheet_name, rule_code FROM survey_warning").Single());
        Assert.Equal(["Workforce"], _db.Query<string>("SELECT DISTINCT sheet_name FROM rejected_row"));
        Assert.Equal(10.0, _db.Scalar<double>("SELECT establishment_wte FROM v_survey_workforce WHERE role_code = 'GEN-ADMIN'"));
    }

    [SkippableFact]
    public async Task Too_many_bad_lines_reject_the_whole_return()
    {
        var spec = Spec() with { Workforce = [["GC", "Band 7", "x", 1, 1, 0, 0, 0], ["GC", "Band 8a", 1, 1, 1, 0, 0, 0]], Demand = [], Comments = [] };

        var report = await Load(Return("bad.xlsx", spec));

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Contains("whole return is rejected", report.Message, StringComparison.Ordinal);
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM fact_survey_workforce"));
        Assert.Equal("SURVEY_NOT_A_NUMBER", _db.Scalar<string>("SELECT reason_code FROM rejected_row"));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_return_period_typed_as_an_excel_date_is_read_in_the_1900_and_1904_systems(bool date1904)
    {
        var spec = Spec();
        spec = spec with { Date1904 = date1904, Cover = spec.Cover.Select(c => c.Label == "Return period" ? (c.Label, (object?)new DateTime(2024, 9, 30)) : c).ToList() };

        var report = await Load(Return("dated.xlsx", spec));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal("2024-09", _db.Scalar<string>("SELECT DISTINCT return_period FROM v_survey_workforce"));
    }

    [SkippableTheory]
    [InlineData("Organisation ODS code", null, "the organisation ODS code in cell B")]
    [InlineData("Return period", "sometime soon", "the return period 'sometime soon' in cell B")]
    [InlineData("Service area", "Cardiology", "the service area 'Cardiology' in cell B")]
    [InlineData("Template version", "2", "uses template version '2'")]
    public async Task A_wrong_cover_refuses_the_return_naming_the_cell(string label, string? value, string expected)
    {
        var spec = Spec();
        spec = spec with { Cover = spec.Cover.Select(c => c.Label == label ? (c.Label, (object?)value) : c).ToList() };

        var report = await Load(Return("cover.xlsx", spec));

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Contains(expected, report.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_resubmission_supersedes_the_same_organisation_period_and_service_area_and_identical_bytes_are_a_no_op()
    {
        var first = Return("v1.xlsx", Spec());
        var otherArea = Return("ic.xlsx", Spec("Inherited cancer"));
        var second = Return("v2.xlsx", Spec() with { Workforce = [["GC", "Band 7", 9, 9, 9, 0, 0, 0]] });

        await Load(first);
        await Load(otherArea);
        var again = await Load(first);
        var resubmission = await Load(second);

        Assert.Equal(FileLoadStatus.AlreadyLoaded, again.Status);
        Assert.Equal([1L], resubmission.Commit!.SupersededBatches);
        Assert.Equal(
            [("Inherited cancer", "GC", 3.0), ("Inherited cancer", "LAB-CS", 5.0), ("Rare disease", "GC", 9.0)],
            _db.Query<(string, string, double)>("SELECT service_area, role_code, wte_in_post FROM v_survey_workforce ORDER BY 1, 2"));
    }

    [SkippableFact]
    public async Task A_return_with_under_half_the_lines_of_the_return_it_would_supersede_is_held_until_accepted()
    {
        var lines = Enumerable.Range(1, 8).Select(i => (object[])["GC", "Band 7", i, i, i, 0, 0, 0]).ToArray();
        var full = await Load(Return("full.xlsx", Spec() with { Workforce = lines, Demand = [] }));
        var cut = Return("cut.xlsx", Spec() with { Workforce = [["GC", "Band 7", 1, 1, 1, 0, 0, 0]], Demand = [] });

        var held = await Load(cut);

        Assert.Equal(FileLoadStatus.Rejected, held.Status);
        Assert.Equal("SUSPICIOUS_SHRINK", held.ReasonCode);
        Assert.Contains($"RGT 2024-25 Q2 RARE-DISEASE: 1 lines would replace 8 of batch {full.BatchId}", held.Message, StringComparison.Ordinal);
        Assert.Equal(36.0, _db.Scalar<double>("SELECT SUM(wte_in_post) FROM v_survey_workforce"));

        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data), options: new LoadOptions { AcceptShrink = true });
        var accepted = (await pipeline.RunAsync([cut], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal(FileLoadStatus.Loaded, accepted.Status);
        Assert.Equal([full.BatchId!.Value], accepted.Commit!.SupersededBatches);
        Assert.Equal(1.0, _db.Scalar<double>("SELECT SUM(wte_in_post) FROM v_survey_workforce"));
    }

    [SkippableFact]
    public async Task The_views_match_hand_computed_figures()
    {
        // ESR: RGT in October 2023 has GC 0.6 + 1.0 FTE and one LAB-CS; September's snapshot must not count.
        var esr = _dir.Write("RGT_2023-10.csv", "Employee Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE\n1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,0.6\n2,RGT,Genetic Counsellor,Clinical Genetics,Band 7,1.0\n3,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0\n");
        var september = _dir.Write("RGT_2023-09.csv", "Employee Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE\n1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,1.0\n");

        // Rare disease return: "GC" and "Genetic Counsellor" are the same cell (GC, Band 7) and are summed.
        var rare = Spec() with
        {
            Workforce = [["GC", "Band 7", 3, 3, 4, 1, 0.5, 0], ["Genetic Counsellor", "Band 7", 2, 2, 2, 0, 0, 1]],
            Demand = [["GC", "Band 7", 7, 9, "Whole genome sequencing uptake"]],
        };
        var cancer = Spec("Inherited cancer") with { Workforce = [["GC", "Band 7", 1, 1, 2, 1, 0, 0]], Demand = [["GC", "Band 7", 2, 3, "Mainstreaming"]] };

        foreach (var path in new[] { september, esr, Return("rd.xlsx", rare), Return("ic.xlsx", cancer) })
        {
            Assert.Equal(FileLoadStatus.Loaded, (await Load(path)).Status);
        }

        Assert.Equal(
            ("2024-25 Q2", "RGT", "Rare disease", "GC", "Band 7", 5.0, 5.0, 6.0, 1.0, 0.5, 1.0),
            _db.Query<(string, string, string, string, string, double, double, double, double, double, double)>(
                "SELECT return_period, organisation_code, service_area, role_code, grade, headcount, wte_in_post, establishment_wte, vacant_wte, agency_locum_wte, training_wte FROM v_survey_workforce WHERE service_area = 'Rare disease'").Single());
        Assert.Equal(
            [(5L, 7.0), (10L, 9.0)],
            _db.Query<(long, double)>("SELECT horizon_years, projected_wte FROM v_workforce_projection WHERE service_area = 'Rare disease' ORDER BY horizon_years"));
        Assert.Equal(
            ("2023-10-31", 1.6, 8.0, 2.0, 9.0, 12.0),
            _db.Query<(string, double, double, double, double, double)>(
                "SELECT esr_snapshot_date, esr_fte, establishment_wte, vacant_wte, projected_wte_5y, projected_wte_10y FROM v_supply_demand_gap WHERE organisation_code = 'RGT' AND role_code = 'GC'").Single());
        Assert.Equal((new DateTime(2023, 10, 31), 1.0), _db.Query<(DateTime, double)>("SELECT esr_snapshot_date, esr_fte FROM v_supply_demand_gap WHERE role_code = 'LAB-CS'").Single());
    }

    [SkippableFact]
    public async Task Remap_rederives_survey_roles_after_a_rule_change_and_rebuilds_the_cells()
    {
        var spec = Spec() with
        {
            Workforce = [["Variant Interpretation Lead", "Band 7", 2, 2, 3, 1, 0, 0], ["Clinical Scientist", "Band 7", 5, 5, 5, 0, 0, 0]],
            Demand = [["Variant Interpretation Lead", "Band 7", 4, 6, "Growth"]],
        };
        await Load(Return("remap.xlsx", spec));
        Assert.Equal(["LAB-CS", "UNMAPPED"], _db.Query<string>("SELECT role_code FROM v_survey_workforce ORDER BY 1"));
        Assert.Single(await _db.CreateReview().UnmappedAsync(CancellationToken.None));

        using var dir = new TempDirectory();
        var folder = dir.CopyReferenceData();
        var rules = Path.Combine(folder, "mapping-rules.csv");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace(
            "rule_id,role_code,title,context,staff_group,occupation_code,grade,place,notes\n",
            "rule_id,role_code,title,context,staff_group,occupation_code,grade,place,notes\nVAR-01,LAB-CS,\\bvariant interpretation\\b,,,,,,\n",
            StringComparison.Ordinal));
        var changed = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(folder);

        var result = await new StaffDataPipeline.Taxonomy.RoleRemapper(changed.Mapper, changed.ServiceAreas, new FixedTimeProvider(DateTimeOffset.UnixEpoch)).RemapAsync(_db.CreateReview(), CancellationToken.None);

        Assert.Equal(3, result.SurveyLinesChanged);
        Assert.Equal(("LAB-CS", 7.0, 8.0, 1.0), _db.Query<(string, double, double, double)>("SELECT role_code, wte_in_post, establishment_wte, vacant_wte FROM v_survey_workforce").Single());
        Assert.Equal([(5L, 4.0), (10L, 6.0)], _db.Query<(long, double)>("SELECT horizon_years, projected_wte FROM v_workforce_projection ORDER BY 1"));
        Assert.Equal([changed.Taxonomy.Version], _db.Query<string>("SELECT DISTINCT taxonomy_version FROM fact_survey_workforce"));
        Assert.Empty(await _db.CreateReview().UnmappedAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Remap_keeps_survey_titles_that_still_do_not_map_in_the_review_queue()
    {
        await Load(Return("queue.xlsx", Spec() with { Workforce = [["Variant Interpretation Lead", "Band 7", 2, 2, 3, 1, 0, 0]] }));

        await new StaffDataPipeline.Taxonomy.RoleRemapper(Reference.Data.Mapper, Reference.Data.ServiceAreas, new FixedTimeProvider(DateTimeOffset.UnixEpoch)).RemapAsync(_db.CreateReview(), CancellationToken.None);

        Assert.Equal("Variant Interpretation Lead", Assert.Single(await _db.CreateReview().UnmappedAsync(CancellationToken.None)).PositionTitle);
    }

    [SkippableFact]
    public void The_template_command_writes_a_blank_return_that_a_load_refuses_until_it_is_filled_in()
    {
        var template = _dir.File("template.xlsx");

        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "survey-template", "--output", template);
        var (loadExit, load, _) = CliRunner.Run(_dir.Path, null, "load", template);

        Assert.Equal(0, exit);
        Assert.Contains("template (version 1)", output, StringComparison.Ordinal);
        Assert.Equal(1, loadExit);
        Assert.Contains("the organisation ODS code in cell B", load, StringComparison.Ordinal);
        Assert.Contains("of the Cover sheet is missing", load, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Load_takes_esr_files_and_workbooks_in_any_mix()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("surveys"), Repository.Samples("esr"));

        Assert.True(exit == 0, output);
        Assert.Contains("27 file(s): 27 loaded or already loaded", output, StringComparison.Ordinal);
        Assert.Contains("(survey-workbook)", output, StringComparison.Ordinal);
        Assert.Contains("(esr-csv)", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task What_identifies_a_person_in_a_comment_or_a_driver_is_stored_as_removed_and_warned_of()
    {
        var spec = Spec() with
        {
            Demand = [["GC", "Band 7", 5, 6, "Cover for QZ918201A until 31/03/2025; 7.5-37.5 hours"]],
            Comments = [["Any other comments?", "Call 07700 900123 or jane.doe@nhs.net; growth of 12.5-15 WTE"]],
        };

        var report = await Load(Return("identifying.xlsx", spec));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal("Call [removed] or [removed]; growth of 12.5-15 WTE", _db.Scalar<string>("SELECT answer FROM fact_survey_comment"));
        Assert.Equal("Cover for [removed] until [removed]; 7.5-37.5 hours", _db.Scalar<string>("SELECT DISTINCT driver FROM survey_line WHERE driver IS NOT NULL"));
        Assert.Equal(2, report.Warnings.Count(w => w.RuleCode == "SURVEY_IDENTIFYING_TEXT_REMOVED"));
        Assert.All(report.Warnings, w => Assert.DoesNotContain("QZ918201A", w.Message, StringComparison.Ordinal));
    }

    private static SurveyWorkbookSpec Spec(string area = "Rare disease") => new()
    {
        Cover = [("Organisation ODS code", "RGT"), ("Organisation name", "Cambridge"), ("Organisation type", "GLH"), ("Return period", "2024-25 Q2"), ("Service area", area), ("Template version", "1")],
        Workforce = [["GC", "Band 7", 3, 3, 4, 1, 0, 0], ["Clinical Scientist", "Band 7", 5, 5, 5, 0, 0, 0]],
        Demand = [["GC", "Band 7", 5, 6, "Growth"]],
    };

    private string Return(string name, SurveyWorkbookSpec spec)
    {
        var path = _dir.File(name);
        SurveyWorkbookWriter.Write(path, spec);
        return path;
    }

    private async Task<FileLoadReport> Load(string path, WorkbookLimits? limits = null)
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data), limits: limits);
        return (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
    }
}

public sealed class SqliteSurveyReturnTests : SurveyReturnTests
{
    public SqliteSurveyReturnTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

public sealed class SqlServerSurveyReturnTests : SurveyReturnTests
{
    public SqlServerSurveyReturnTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
