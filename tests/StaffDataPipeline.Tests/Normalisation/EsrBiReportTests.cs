using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// ESR BI staff-in-post reports as trusts pull them (Fixtures/esr-bi-reports, made by make_esr_bi_reports.py): both
/// person identifiers, both grade notations, and rows that give contracted hours without FTE, loaded into a real
/// SQLite warehouse.
/// </summary>
public sealed class EsrBiReportTests : IDisposable
{
    private const string Folder = "esr-bi-reports";
    private readonly SqliteWarehouseProvider _warehouse = new();
    private readonly TempDirectory _files = new();

    public void Dispose()
    {
        _warehouse.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task A_report_with_both_identifiers_is_keyed_on_the_national_one_and_a_move_between_trusts_is_counted()
    {
        var reports = await Load("RQ3_esr_bi_report_2023-09.csv", "RQ3_esr_bi_report_2023-10.csv", "RGT_esr_bi_report_2023-09.csv", "RGT_esr_bi_report_2023-10.csv");

        Assert.All(reports, r => Assert.Equal(FileLoadStatus.Loaded, r.Status));
        Assert.Equal(["national"], _warehouse.Query<string>("SELECT DISTINCT person_identifier FROM load_batch"));

        // The person who left RQ3 for RGT has a new RGT employee number and the same national identifier: one key.
        var mover = TestPipeline.Pseudonymiser.Pseudonymise("person", "890039595");
        Assert.Equal(
            ["RGT", "RQ3"],
            _warehouse.Query<string>($"""
                SELECT DISTINCT o.organisation_code FROM fact_staff_in_post f
                JOIN dim_person p ON p.person_id = f.person_id JOIN dim_organisation o ON o.organisation_id = f.organisation_id
                WHERE p.person_key = '{mover}' ORDER BY 1
                """));
        Assert.Equal(1, _warehouse.Scalar<long>("SELECT SUM(leavers_to_other_organisation) FROM v_workforce_flows WHERE organisation_code = 'RQ3'"));
        Assert.Equal(1, _warehouse.Scalar<long>("SELECT SUM(joiners_from_other_organisation) FROM v_workforce_flows WHERE organisation_code = 'RGT'"));
    }

    [Fact]
    public async Task A_month_keyed_on_the_other_kind_of_identifier_next_to_this_one_is_named_at_commit()
    {
        // September from the trust's employee-number export, October from the BI report with the national identifier.
        var september = (await Load(Repository.Samples("esr", "RQ3_staff_in_post_2023-09.csv"))).Single();
        var october = (await Load("RQ3_esr_bi_report_2023-10.csv")).Single();
        var nationalSeptember = (await Load("RQ3_esr_bi_report_2023-09.csv")).Single();

        Assert.Empty(september.Commit!.IdentifierChangedOrganisations);
        Assert.Equal(["RQ3"], october.Commit!.IdentifierChangedOrganisations);

        // The national September supersedes the local one: the months now meet, and nothing is named.
        Assert.Empty(nationalSeptember.Commit!.IdentifierChangedOrganisations);
    }

    [Fact]
    public async Task Pay_band_is_read_first_grade_code_fills_in_and_a_row_whose_two_notations_disagree_is_quarantined_with_both_columns()
    {
        var report = (await Load("RQ3_esr_bi_report_2023-09.csv")).Single();

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        var conflict = Assert.Single(report.Rejections, r => r.ReasonCode == "GRADE_CONFLICT");
        Assert.Equal((4L, "Pay Band / Grade Code"), (conflict.RowNumber, conflict.Column));
        Assert.Contains("Pay Band and Grade Code name different grades", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(0, _warehouse.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post WHERE source_row = 4"));

        Assert.Equal("AFC-6", GradeOfRow(3));   // no pay band: the grade code XN06
        Assert.Equal("AFC-7", GradeOfRow(5));   // a pay band that resolves to nothing: the grade code XN07
        Assert.Equal("AFC-4", GradeOfRow(6));   // both agree
        Assert.Equal("MED-CONS", GradeOfRow(18)); // a medical grade with no grade code
        Assert.Equal(0, _warehouse.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_grade g ON g.grade_id = f.grade_id WHERE g.grade_code = 'UNKNOWN'"));
    }

    [Fact]
    public async Task Contracted_hours_without_fte_are_divided_by_the_staff_groups_standard_week()
    {
        await Load("RQ3_esr_bi_report_2023-09.csv");

        Assert.Equal(0.8, _warehouse.Scalar<double>("SELECT fte FROM fact_staff_in_post WHERE source_row = 6"));    // 30 h of Agenda for Change's 37.5
        Assert.Equal(0.75, _warehouse.Scalar<double>("SELECT fte FROM fact_staff_in_post WHERE source_row = 18"));  // 30 h of medical and dental's 40
        Assert.Equal(0.7, _warehouse.Scalar<double>("SELECT fte FROM fact_staff_in_post WHERE source_row = 3"));    // FTE given: it wins
    }

    [Fact]
    public async Task A_grade_that_grades_csv_does_not_know_is_loaded_as_unknown_and_named_in_the_report()
    {
        var path = _files.Write(
            "RGT_report_2023-09.csv",
            "Employee Number,Organisation Code,Position Title,Area of Work,Pay Band,Grade Code,FTE\n1,RGT,Clinical Scientist,Genomics Laboratory,,MN37,1\n2,RGT,Clinical Scientist,Genomics Laboratory,Band 7,XN07,1\n3,RGT,Clinical Scientist,Genomics Laboratory,,,1\n4,RGT,Clinical Scientist,Genomics Laboratory,Not stated,,1\n5,RGT,Clinical Scientist,Genomics Laboratory,,MN37,1\n");

        var report = (await Load(path)).Single();

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(["MN37"], report.UnknownGrades);
        Assert.Equal("UNKNOWN", GradeOfRow(2));
        Assert.Equal("AFC-7", GradeOfRow(3));
    }

    [Fact]
    public async Task An_fte_worked_out_from_hours_that_is_out_of_range_is_quarantined_against_the_hours_column()
    {
        var rows = Enumerable.Range(1, 30).Select(i => $"{i},RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,{(i == 7 ? "60" : "37.5")}");
        var path = _files.Write("RGT_hours_2023-09.csv", string.Join('\n', ["Employee Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Contracted Hours", .. rows]) + "\n");

        var rejection = Assert.Single((await Load(path)).Single().Rejections);

        Assert.Equal((8L, "Contracted Hours", "FTE_OUT_OF_RANGE"), (rejection.RowNumber, rejection.Column, rejection.ReasonCode));
        Assert.Equal("Contracted hours over the staff group's 37.5-hour week give an FTE outside 0 to 1.5.", rejection.Message);
    }

    [Fact]
    public async Task An_empty_national_identifier_column_is_named_with_what_to_do_when_it_rejects_the_file()
    {
        var rows = Enumerable.Range(1, 20).Select(i => $"{i},,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1");
        var path = _files.Write("RGT_report_2023-09.csv", string.Join('\n', ["Employee Number,Unique Nhs Identifier,Organisation Code,Position Title,Area of Work,Pay Band,FTE", .. rows]) + "\n");

        var report = (await Load(path)).Single();

        Assert.Equal(("THRESHOLD_EXCEEDED", 20L), (report.ReasonCode, report.Counts.Rejected));
        Assert.Contains("20 of them have 'Employee Number' but no 'Unique Nhs Identifier': if that column is empty in this export, remove it and the file will be keyed on 'Employee Number'.", report.Message, StringComparison.Ordinal);
    }

    private string GradeOfRow(int row) =>
        _warehouse.Scalar<string>($"SELECT g.grade_code FROM fact_staff_in_post f JOIN dim_grade g ON g.grade_id = f.grade_id WHERE f.source_row = {row}");

    [Fact]
    public async Task A_status_or_contract_type_assignment_rules_does_not_list_is_excluded_and_named_with_its_rows()
    {
        // Two rows on maternity leave and one apprentice: values the team's assignment-rules.csv has not decided on.
        var lines = File.ReadAllLines(Repository.Samples("esr", "RGT_staff_in_post_2023-09.csv"));
        lines[1] = lines[1].Replace(",Active Assignment,", ",Maternity Leave,", StringComparison.Ordinal);
        lines[4] = lines[4].Replace(",Active Assignment,", ",Suspended - Jones QS292630B,", StringComparison.Ordinal);
        lines[2] = lines[2].Replace(",Active Assignment,", ",Maternity Leave,", StringComparison.Ordinal);
        var permanent = Array.FindIndex(lines, 3, l => l.Contains(",Permanent,Active Assignment,", StringComparison.Ordinal));
        lines[permanent] = lines[permanent].Replace(",Permanent,", ",Apprentice,", StringComparison.Ordinal);
        var path = Path.Combine(_files.Path, "RGT_staff_in_post_2023-09.csv");
        File.WriteAllLines(path, lines);

        var report = (await Load(path)).Single();
        var plain = (await Load(Repository.Samples("esr", "RGT_staff_in_post_2023-10.csv"))).Single();

        Assert.Equal(["contract type 'apprentice' (1 row)", "status 'maternity leave' (2 rows)", "status (a value with figures or an address in it, not shown) (1 row)"], report.UnlistedAssignmentValues);
        Assert.Empty(plain.UnlistedAssignmentValues);
    }

    [Fact]
    public async Task The_month_a_file_is_loaded_as_is_reported_and_a_name_that_says_another_is_pointed_out()
    {
        // The rows say September 2023 (their Effective Date); the name says June.
        var renamed = Path.Combine(_files.Path, "RGT_staff_in_post_2023-06.csv");
        File.Copy(Repository.Samples("esr", "RGT_staff_in_post_2023-09.csv"), renamed);

        var report = (await Load(renamed)).Single();
        var named = (await Load(Repository.Samples("esr", "RGT_staff_in_post_2023-10.csv"))).Single();

        Assert.Equal(["2023-09"], report.Months);
        Assert.Equal("the rows give their month (2023-09), which wins over 2023-06 from its name: check that this is the month meant", report.MonthNote);
        Assert.Equal(["2023-10"], named.Months);
        Assert.Null(named.MonthNote);
    }

    [Fact]
    public async Task A_snapshot_option_the_file_name_overrides_is_said_to_be_unused()
    {
        // No month column: the name gives September, and --snapshot asks for October.
        var lines = File.ReadAllLines(Repository.Samples("esr", "RGT_staff_in_post_2023-09.csv"));
        Assert.EndsWith(",Effective Date", lines[0], StringComparison.Ordinal);
        var path = Path.Combine(_files.Path, "RGT_staff_in_post_2023-09.csv");
        File.WriteAllLines(path, lines.Select(l => l[..l.LastIndexOf(',')]));
        var pipeline = TestPipeline.Create(_warehouse.CreateWarehouse(Reference.Data), options: new LoadOptions { RejectThreshold = 0.1, Snapshot = new DateOnly(2023, 10, 31) });

        var report = (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal(["2023-09"], report.Months);
        Assert.Equal("--snapshot 2023-10 was not used: the file's name gives 2023-09, which wins; rename the file to load it as another month", report.MonthNote);
    }

    [Fact]
    public async Task An_fte_written_as_a_percentage_is_stored_as_the_fraction_it_is()
    {
        var lines = File.ReadAllLines(Repository.Samples("esr", "RGT_staff_in_post_2023-09.csv"));
        lines[1] = lines[1].Replace(",1.0000,37.50,", ",60%,37.50,", StringComparison.Ordinal);
        var path = Path.Combine(_files.Path, "RGT_staff_in_post_2023-09.csv");
        File.WriteAllLines(path, lines);

        var report = (await Load(path)).Single();

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.DoesNotContain(report.Rejections, r => r.RowNumber == 2);
        Assert.Equal(0.6, _warehouse.Scalar<double>("SELECT fte FROM fact_staff_in_post WHERE source_row = 2"));
    }

    private async Task<IReadOnlyList<FileLoadReport>> Load(params string[] names)
    {
        // The samples these reports are made from carry three bad rows of their own; the planted conflict is a fourth.
        var pipeline = TestPipeline.Create(_warehouse.CreateWarehouse(Reference.Data), options: new LoadOptions { RejectThreshold = 0.1 });
        return await pipeline.RunAsync(names.Select(n => Path.IsPathRooted(n) ? n : Repository.Fixture(Path.Combine(Folder, n))), dryRun: false, null, CancellationToken.None);
    }
}
