using StaffDataPipeline.Excel.Template;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Tests.Organisations;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Surveys;

/// <summary>
/// A return is checked against what is known before any figure of it can reach the views: its organisation must be in
/// the team's file or the imported ODS release, and its period must be real on the day it is loaded (injected clock).
/// </summary>
public abstract class ReturnCoverCheckTests : IDisposable
{
    // The day the issue was found: a return for 2027-28 Q1 typed on it loaded and became the latest return.
    private static readonly FixedTimeProvider Today = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly IWarehouseProvider _db;
    private readonly TempDirectory _dir = new();

    protected ReturnCoverCheckTests(IWarehouseProvider provider) => _db = provider;

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task ROA_typed_for_R0A_is_refused_naming_the_cell_and_suggesting_R0A()
    {
        var report = await Load(Return("roa.xlsx", Spec("ROA", "Manchester", "2026-27 Q2")));

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Equal("SURVEY_UNKNOWN_ORGANISATION", report.ReasonCode);
        Assert.Equal(
            "roa.xlsx: the organisation ODS code 'ROA' in cell B4 of the Cover sheet is not a known organisation; did you mean R0A (Manchester University NHS Foundation Trust)? Correct the code and load the return again.",
            report.Message);
        Assert.Equal(("rejected", "SURVEY_UNKNOWN_ORGANISATION"), _db.Query<(string, string)>("SELECT status, reason_code FROM load_batch").Single());
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM survey_return"));
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM fact_survey_workforce"));
    }

    [SkippableTheory]
    [InlineData("Manchester University NHS FT")]
    [InlineData("manchester university")]
    [InlineData("MANCHESTER UNIVERSITY NHS FOUNDATION TRUST.")]
    public async Task An_unknown_code_beside_a_known_organisations_name_is_refused_suggesting_that_organisation(string name)
    {
        var report = await Load(Return("named.xlsx", Spec("RZZ", name, "2026-27 Q2")));

        Assert.Equal("SURVEY_UNKNOWN_ORGANISATION", report.ReasonCode);
        Assert.Contains("'RZZ' in cell B4 of the Cover sheet is not a known organisation; did you mean R0A (Manchester University NHS Foundation Trust)?", report.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_name_only_the_ods_release_knows_is_suggested_and_a_code_only_it_knows_loads()
    {
        await _db.CreateWarehouse(Reference.Data).MigrateAsync(CancellationToken.None);
        await _db.CreateReview().ImportOdsAsync(OdsReleaseTests.Release.Value, CancellationToken.None);

        var named = await Load(Return("uhb.xlsx", Spec("RKK", "University Hospitals Birmingham", "2026-27 Q2")));
        var known = await Load(Return("rrk.xlsx", Spec("RRK", "University Hospitals Birmingham", "2026-27 Q2")));

        Assert.Contains("did you mean RRK (University Hospitals Birmingham NHS Foundation Trust)?", named.Message, StringComparison.Ordinal);
        Assert.Equal(FileLoadStatus.Loaded, known.Status);
        Assert.Equal("RRK", _db.Scalar<string>("SELECT DISTINCT organisation_code FROM v_survey_workforce"));
    }

    [SkippableFact]
    public async Task An_unknown_code_like_nothing_known_says_how_to_add_the_organisation()
    {
        var report = await Load(Return("rzz.xlsx", Spec("RZZ", "Hostile corpus", "2026-27 Q2")));

        Assert.Equal("SURVEY_UNKNOWN_ORGANISATION", report.ReasonCode);
        Assert.DoesNotContain("did you mean", report.Message, StringComparison.Ordinal);
        Assert.Contains("'RZZ' in cell B4 of the Cover sheet is not a known organisation", report.Message, StringComparison.Ordinal);
        Assert.Contains("organisations.csv", report.Message, StringComparison.Ordinal);
        Assert.Contains("`staffdata organisations import`", report.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_return_for_a_period_more_than_a_quarter_ahead_is_refused_and_the_real_return_stays_the_latest()
    {
        var real = await Load(Return("real.xlsx", Spec("R0A", "Manchester", "2026-27 Q3", wte: 4)));
        var nextQuarter = await Load(Return("early.xlsx", Spec("RGT", "Cambridge", "2026-27 Q4")));
        var future = await Load(Return("future.xlsx", Spec("R0A", "Manchester", "2027-28 Q1", wte: 40)));

        Assert.Equal(FileLoadStatus.Loaded, real.Status);
        Assert.Equal(FileLoadStatus.Loaded, nextQuarter.Status);
        Assert.Equal(FileLoadStatus.Rejected, future.Status);
        Assert.Equal("SURVEY_PERIOD_IN_FUTURE", future.ReasonCode);
        Assert.Equal(
            "future.xlsx: the return period '2027-28 Q1' in cell B7 of the Cover sheet begins more than a quarter after today (2026-12-04), so it cannot have been counted yet; correct the period (returns up to one starting by 2027-03-31 are taken) and load the return again.",
            future.Message);
        Assert.Equal(
            [("2026-27 Q3", 4.0)],
            _db.Query<(string, double)>("SELECT return_period, wte_in_post FROM v_survey_workforce WHERE organisation_code = 'R0A' AND role_code = 'GC'"));
        Assert.Equal(4.0, _db.Scalar<double>("SELECT SUM(establishment_wte) FROM v_supply_demand_gap WHERE organisation_code = 'R0A' AND role_code = 'GC'"));
    }

    [SkippableTheory]
    [InlineData("2016-17 Q4")]
    [InlineData("2017-12")]
    [InlineData("2015-16")]
    public async Task A_return_for_a_period_before_2018_is_refused(string period)
    {
        var report = await Load(Return("old.xlsx", Spec("R0A", "Manchester", period)));

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Equal("SURVEY_PERIOD_TOO_EARLY", report.ReasonCode);
        Assert.Contains("in cell B7 of the Cover sheet ended before 2018", report.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_known_code_and_a_current_period_still_load()
    {
        var report = await Load(Return("ok.xlsx", Spec("r0a", "Manchester", "2017-18 Q4")));
        var current = await Load(Return("now.xlsx", Spec("R0A", "Manchester", "2026-12", area: "Inherited cancer")));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(FileLoadStatus.Loaded, current.Status);
        Assert.Equal(2, _db.Scalar<long>("SELECT COUNT(*) FROM survey_return"));
    }

    [SkippableFact]
    public async Task Validate_refuses_the_same_returns_without_writing()
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data), time: Today);

        var reports = await pipeline.RunAsync([Return("roa.xlsx", Spec("ROA", "Manchester", "2026-27 Q2")), Return("future.xlsx", Spec("R0A", "Manchester", "2027-28 Q1"))], dryRun: true, null, CancellationToken.None);

        Assert.Equal(["SURVEY_UNKNOWN_ORGANISATION", "SURVEY_PERIOD_IN_FUTURE"], reports.Select(r => r.ReasonCode));
    }

    private static SurveyWorkbookSpec Spec(string code, string name, string period, string area = "Rare disease", double wte = 3) => new()
    {
        Cover = [("Organisation ODS code", code), ("Organisation name", name), ("Organisation type", "GLH"), ("Return period", period), ("Service area", area), ("Template version", "1")],
        Workforce = [["GC", "Band 7", 3, wte, wte, 0, 0, 0]],
        Demand = [["GC", "Band 7", 5, 6, "Growth"]],
    };

    private string Return(string name, SurveyWorkbookSpec spec)
    {
        var path = _dir.File(name);
        SurveyWorkbookWriter.Write(path, spec);
        return path;
    }

    private async Task<FileLoadReport> Load(string path) =>
        (await TestPipeline.Create(_db.CreateWarehouse(Reference.Data), time: Today).RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
}

/// <summary>The rules themselves, at their edges.</summary>
public sealed class ReturnCoverRuleTests
{
    [Theory]
    [InlineData("2026-12-04", "2027-03-31")]
    [InlineData("2026-10-01", "2027-03-31")]
    [InlineData("2027-01-01", "2027-06-30")]
    [InlineData("2027-03-31", "2027-06-30")]
    public void The_latest_period_start_is_the_end_of_the_quarter_after_today(string today, string latest) =>
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), ReturnPeriodWindow.LatestStart(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-27", false)]
    [InlineData("2027-28", true)]
    [InlineData("2027-03", false)]
    [InlineData("2027-04", true)]
    [InlineData("2026-27 Q4", false)]
    [InlineData("2027-28 Q1", true)]
    public void Periods_beginning_after_next_quarter_are_in_the_future(string period, bool future)
    {
        Assert.True(ReturnPeriod.TryParse(period, out _, out var start, out _));
        Assert.Equal(future, ReturnPeriodWindow.IsInFuture(start, new DateOnly(2026, 12, 4)));
    }

    [Theory]
    [InlineData("ROA", "R0A")]
    [InlineData("RQ3", null)]
    [InlineData("RTS", "RT5")]
    [InlineData("R1Z", "RIZ")]
    public void Lookalike_codes_swap_one_confusable_character(string typed, string? expected)
    {
        var codes = OrganisationLookalikes.CodesLike(typed).ToList();

        if (expected is null)
        {
            Assert.Empty(codes);
        }
        else
        {
            Assert.Contains(expected, codes);
        }
    }

    [Theory]
    [InlineData("Guy's and St Thomas' NHS Foundation Trust", "guys and st thomas")]
    [InlineData("GUYS & ST THOMAS NHS FT", "guys and st thomas")]
    [InlineData("The Newcastle upon Tyne Hospitals NHS Foundation Trust", "newcastle upon tyne hospitals")]
    [InlineData("North Bristol NHS Trust", "north bristol")]
    [InlineData("", "")]
    public void Names_are_compared_without_case_punctuation_or_the_trust_suffix(string name, string key) =>
        Assert.Equal(key, OrganisationLookalikes.NameKey(name));

    [Fact]
    public void A_code_lookalike_and_a_name_match_are_both_offered_the_team_file_first()
    {
        var catalogue = Reference.Data.Organisations;

        Assert.Equal([("R0A", "Manchester University NHS Foundation Trust"), ("RGT", "Cambridge University Hospitals NHS Foundation Trust")], catalogue.LookalikesOf("ROA", "Cambridge University Hospitals"));
        Assert.Empty(catalogue.LookalikesOf("RZZ", "Hostile corpus"));
    }
}

public sealed class SqliteReturnCoverCheckTests : ReturnCoverCheckTests
{
    public SqliteReturnCoverCheckTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

public sealed class SqlServerReturnCoverCheckTests : ReturnCoverCheckTests
{
    public SqlServerReturnCoverCheckTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
