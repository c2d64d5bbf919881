using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning.Pack;

/// <summary>
/// The pack's content worked by hand on a small made-up workforce: a North West trust (A01: 21 genetic counsellors of
/// all ages, 9 trainees, 3 consultants) and a London trust (B02: 3 genetic counsellors), the model's expected
/// projection, and the pack's facts written out here.
/// </summary>
public sealed class PlanningPackContentTests
{
    private static readonly DateTimeOffset RanAt = new(2025, 4, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly PlanningRoute StpGc = new("STP-GC", "STP genomic counselling", "GC-TRAINEE", "GC", 3, 0.05, 0.9, 0.8, 0.5, null, "test route source");

    private static readonly PlanningGeography Geography = new(
    [
        new Organisation("A01", "Trust A", "NHS trust", "Y62", "North West", "North West"),
        new Organisation("B02", "Trust B", "NHS trust", "Y56", "London", "North Thames"),
    ]);

    private static PlanningAssumptions Assumptions(int suppressBelow = 5) => PlanningAssumptions.None with
    {
        Routes = [StpGc],
        SuppressBelowHeads = suppressBelow,
        Sources = new Dictionary<string, string> { ["runs"] = "test: enough runs", ["suppress_below_heads"] = "test: as published" },
    };

    private static PlanningInputs Inputs() => new(
        new DateOnly(2025, 3, 31),
        [
            new("A01", "GC", AgeBand.Under50, 10, 10), new("A01", "GC", AgeBand.From50To54, 5, 5),
            new("A01", "GC", AgeBand.From55To59, 4, 4), new("A01", "GC", AgeBand.From60, 2, 2),
            new("A01", "GC-TRAINEE", AgeBand.Under50, 9, 9), new("A01", "MED-CG-CONS", AgeBand.Under50, 3, 3),
            new("B02", "GC", AgeBand.Under50, 3, 2.6),
        ],
        [
            new("A01", "GC", AgeBand.Under50, 12, 15, 1, 0, 0, 2, 0), new("A01", "GC", AgeBand.From50To54, 12, 5, 1, 0, 0, 0, 0),
            new("A01", "GC", AgeBand.From55To59, 12, 5, 1, 0, 0, 0, 0), new("A01", "GC", AgeBand.From60, 12, 2, 1, 0, 0, 0, 0),
            new("A01", "GC-TRAINEE", AgeBand.Under50, 12, 9, 0, 0, 1, 6, 0),
        ],
        [new("A01", "STP-GC", 1, 2, 2), new("A01", "STP-GC", 2, 3, 3), new("A01", "STP-GC", 3, 4, 4)],
        [new("A01", "STP-GC", 2)],
        [new("A01", "GC", "Rare disease", 21, 30, 40)]);

    /// <summary>A01 sent a return (GC: 25 WTE in post, 21 funded, 2 vacant); B02 sent none.</summary>
    private static PackFacts Facts(double gcInPost = 25) => new(
        [
            new EsrCoverage("A01", "Trust A", 13, new DateOnly(2024, 3, 31), new DateOnly(2025, 3, 31), 13, 26),
            new EsrCoverage("B02", "Trust B", 1, new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 31), 1, 27),
        ],
        [new ReturnCoverage("A01", "Trust A", "Rare disease", "2024-25 Q3", new DateOnly(2024, 12, 31), 30)],
        [new ReturnWorkforce("A01", "GC", gcInPost, 21, 2), new ReturnWorkforce("A01", "MED-CG-CONS", 3, 4, 1)]);

    private static PlanRecord Record(PlanResult result) => new(
        RanAt, result, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["A01"] = 12 },
        new Dictionary<PlanningUnit, IReadOnlyList<string>>
        {
            [PlanningUnit.England] = ["A01", "B02"],
            [new PlanningUnit(UnitLevel.Region, "Y62", "North West")] = ["A01"],
            [new PlanningUnit(UnitLevel.Glh, "North West", "North West")] = ["A01"],
            [new PlanningUnit(UnitLevel.Region, "Y56", "London")] = ["B02"],
            [new PlanningUnit(UnitLevel.Glh, "North Thames", "North Thames")] = ["B02"],
        });

    private static PackDocument Pack(PlanningAssumptions? assumptions = null, PackFacts? facts = null, int runs = 0, ulong seed = 3)
    {
        var a = assumptions ?? Assumptions();
        var planner = new SupplyPlanner(a, Reference.Data.Taxonomy, Geography);
        var result = runs == 0 ? planner.ProjectExpected(Inputs()) : planner.Project(Inputs(), runs, seed);
        return new PlanningPackBuilder(a, Reference.Data.Taxonomy, Geography).Build([Record(result)], Inputs(), facts ?? Facts());
    }

    private static PackSheet Sheet(PackDocument pack, string name) => pack.Sheets.Single(s => s.Name == name);

    [Fact]
    public void A_unit_with_three_people_in_a_role_shows_under_five_and_no_count_of_people_under_five_is_a_number()
    {
        var pack = Pack();

        Assert.Equal(["England", "Region London", "Region North West", "GLH North Thames", "GLH North West", "Assumptions"], pack.Sheets.Select(s => s.Name));
        var london = Sheet(pack, "Region London").Table("Age profile");
        Assert.Equal("<5", london.Row("Genetic counselling")["In post"].Text);
        Assert.Equal("<5", london.Row("All roles")["In post"].Text);
        Assert.Equal("suppressed", london.Row("Genetic counselling")["Share aged 55 and over"].Text);

        // The FTE of those 3 is shown, to one decimal (2.6), in the skill mix and the chart: FTE is not suppressed.
        Assert.Equal(2.6, Sheet(pack, "Region London").Charts().First().Series.Single(s => s.Name == "Supply P50").Values[0]);

        foreach (var sheet in pack.Sheets)
        {
            var people = sheet.Tables().SelectMany(t => t.Rows.SelectMany(r => r.Where((c, i) => t.Columns[i].Format == PackFormat.Count))).ToList();
            Assert.All(people, c => Assert.True(!c.IsNumber || c.Number >= 5, $"{sheet.Name}: a count of {c.Number} is shown"));
            if (people.Count > 0)
            {
                Assert.Contains(sheet.Blocks.OfType<PackText>(), t => t.Kind == PackTextKind.Note && t.Text.Contains("Counts of people under 5 (zero included) are shown as <5", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void An_organisation_with_no_region_or_glh_is_planned_on_not_known_sheets_that_say_why()
    {
        var inputs = new PlanningInputs(new DateOnly(2025, 3, 31), [new("Z99", "GC", AgeBand.Under50, 12, 12)], [], [], [], []);
        var result = new SupplyPlanner(Assumptions(), Reference.Data.Taxonomy, Geography).ProjectExpected(inputs);
        var region = result.Lines.Select(l => l.Unit).First(u => u.Level == UnitLevel.Region);
        var glh = result.Lines.Select(l => l.Unit).First(u => u.Level == UnitLevel.Glh);
        var record = new PlanRecord(RanAt, result, new Dictionary<string, int>(), new Dictionary<PlanningUnit, IReadOnlyList<string>> { [PlanningUnit.England] = ["Z99"], [region] = ["Z99"], [glh] = ["Z99"] });

        var pack = new PlanningPackBuilder(Assumptions(), Reference.Data.Taxonomy, Geography).Build([record], inputs, PackFacts.None);

        Assert.Equal(["England", "Region not known", "GLH not known", "Assumptions"], pack.Sheets.Select(s => s.Name));
        Assert.StartsWith("Region not known (organisations.csv gives no region)", pack.Sheets[1].Heading, StringComparison.Ordinal);
    }

    [Fact]
    public void Secondary_suppression_hides_a_second_count_so_a_hidden_one_cannot_be_worked_out_from_a_total()
    {
        // 3 is under 5; alone it could be had from 13 − 10 (its row) or 11 − 8 (its column), so 10 and 8 go too, and
        // then 9 (else 8 = 17 − 9). Totals stay: four unknowns, three equations.
        var cells = new PackSuppression(5).Grid(new double[,] { { 3, 10, 13 }, { 8, 9, 17 }, { 11, 19, 30 } }, totalRow: true, totalColumn: true);

        // The counts hidden only to protect the 3 may be any size, so they are not shown as "<5" but as "*".
        Assert.Equal(
            ["<5", "*", "13", "*", "*", "17", "11", "19", "30"],
            Enumerable.Range(0, 9).Select(i => PackDump.Cell(cells[i / 3, i % 3])));

        // Two hidden zeros beside a total that leaves 0 for them would say both are 0: a third count goes.
        var zeros = new PackSuppression(5).Grid(new double[,] { { 24, 0, 0, 24 } }, totalRow: false, totalColumn: true);
        Assert.Equal(["*", "<5", "<5", "24"], Enumerable.Range(0, 4).Select(j => PackDump.Cell(zeros[0, j])));

        // No totals: no secondary suppression; 0 turns the rule off.
        Assert.Equal(["<5", "10"], new[] { 0, 1 }.Select(j => PackDump.Cell(new PackSuppression(5).Grid(new double[,] { { 3, 10 } }, false, false)[0, j])));
        Assert.Equal(["3", "10"], new[] { 0, 1 }.Select(j => PackDump.Cell(new PackSuppression(0).Grid(new double[,] { { 3, 10 } }, false, false)[0, j])));
    }

    [Fact]
    public void A_regions_chart_series_hold_the_P10_P50_P90_and_demand_of_its_plan_lines()
    {
        var planner = new SupplyPlanner(Assumptions(), Reference.Data.Taxonomy, Geography);
        var result = planner.Project(Inputs(), 50, 11);
        var pack = new PlanningPackBuilder(Assumptions(), Reference.Data.Taxonomy, Geography).Build([Record(result)], Inputs(), Facts());

        var sheet = Sheet(pack, "Region North West");
        var chart = sheet.Charts().Single(c => c.Title.StartsWith("Genetic counselling: supply against stated demand", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(2025, 11).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), chart.Categories);
        Assert.Equal([PackSeriesKind.BandLow, PackSeriesKind.BandHigh, PackSeriesKind.Line, PackSeriesKind.Demand], chart.Series.Select(s => s.Kind));
        var lines = result.Lines.Where(l => l.Unit.Code == "Y62" && l.IsFamily && l.Code == "Genetic counselling").OrderBy(l => l.Year).ToList();
        Assert.Equal(11, lines.Count);
        double? R(double? v) => v is { } x ? Math.Round(x, 1, MidpointRounding.AwayFromZero) : null;
        Assert.Equal(lines.Select(l => R(l.SupplyFte.P10)), chart.Series[0].Values);
        Assert.Equal(lines.Select(l => R(l.SupplyFte.P90)), chart.Series[1].Values);
        Assert.Equal(lines.Select(l => R(l.SupplyFte.P50)), chart.Series[2].Values);
        Assert.Equal(lines.Select(l => R(l.DemandFte)), chart.Series[3].Values);
        Assert.Equal(21.0, chart.Series[3].Values[0]);
        Assert.Equal(40.0, chart.Series[3].Values[10]);

        // The gap with its range as a table under the chart (the chart's own figures are the writers' to lay out).
        var table = sheet.Table("Genetic counselling: the gap by year");
        Assert.Equal(lines.Select(l => R(l.GapFte!.Value.P50)), table.Rows.Select(r => r[2].Number));
        Assert.Equal(lines.Select(l => R(l.GapFte!.Value.P10)), table.Rows.Select(r => r[1].Number));
    }

    [Fact]
    public void Commissions_a_route_can_start_only_one_year_of_before_the_horizon_are_said_to_be_one_intake()
    {
        // A 4-year route and a 5-year horizon: only next year's starters qualify in time, so "a year" is one intake.
        var pack = Pack(Assumptions() with { Routes = [StpGc with { Years = 4 }] });

        var rows = pack.Sheets.SelectMany(s => s.Tables()).Where(t => t.Title.StartsWith("Commissions needed per route", StringComparison.Ordinal))
            .SelectMany(t => t.Rows.Select(r => (Horizon: r[4].Number, Note: r[9].Text))).Where(r => r.Note is not ("no gap stated" or "cannot close in time")).ToList();

        Assert.Contains(rows, r => r.Horizon == 5);
        Assert.All(rows.Where(r => r.Horizon == 5), r => Assert.Equal("one intake: only next year's starters qualify by then", r.Note));
        Assert.All(rows.Where(r => r.Horizon == 10), r => Assert.True(string.IsNullOrEmpty(r.Note), r.Note));
    }

    [Fact]
    public void Age_profile_and_expected_retirements_follow_the_stated_method()
    {
        // Hand-worked: 10 people aged 60+ leaving at 50% a year: 10 × (1 − 0.5^5) retire within 5 years, 10 × (1 − 0.5^10) within 10.
        var (five, ten) = Retirements.Expected(0, 0, 10, 0.1, 0.2, 0.5);
        Assert.Equal(9.6875, five, 10);
        Assert.Equal(9.990234375, ten, 9);

        // 10 aged 55-59 who never leave before 60 and all leave at 60: a fifth turn 60 each year and retire the next,
        // so 10 × (1 − 0.8^(n − 1)) within n years.
        (five, ten) = Retirements.Expected(0, 10, 0, 0, 0, 1);
        Assert.Equal(10 * (1 - Math.Pow(0.8, 4)), five, 10);
        Assert.Equal(10 * (1 - Math.Pow(0.8, 9)), ten, 10);

        // The workforce: GC 5 aged 50-54, 4 aged 55-59, 2 aged 60+ at England's leaver rates for GC (the run's register,
        // near 10%, 20% and 50%: their own flows, shrunk a little toward all roles); the trainees are all under 50.
        var planner = new SupplyPlanner(Assumptions(suppressBelow: 0), Reference.Data.Taxonomy, Geography);
        var result = planner.ProjectExpected(Inputs());
        var rates = result.LeaverRates.Where(r => r.Unit.IsNational && r.RoleCode == "GC").ToDictionary(r => r.Band, r => r.Rate);
        Assert.InRange(rates[RateBand.From60], 0.4, 0.5);
        var pack = new PlanningPackBuilder(Assumptions(suppressBelow: 0), Reference.Data.Taxonomy, Geography).Build([Record(result)], Inputs(), Facts());
        var row = Sheet(pack, "Region North West").Table("Age profile").Row("Genetic counselling");
        var (gc5, gc10) = Retirements.Expected(5, 4, 2, rates[RateBand.Under55], rates[RateBand.From55To59], rates[RateBand.From60]);
        Assert.Equal(30.0, row["In post"].Number);
        Assert.Equal(24.0, row["Under 55"].Number);
        Assert.Equal(4.0, row["Aged 55-59"].Number);
        Assert.Equal(2.0, row["Aged 60 and over"].Number);
        Assert.Equal(0.2, row["Share aged 55 and over"].Number);
        Assert.Equal(Math.Round(gc5, MidpointRounding.AwayFromZero), row["Expected retirements within 5 years"].Number);
        Assert.Equal(Math.Round(gc10, MidpointRounding.AwayFromZero), row["Expected retirements within 10 years"].Number);

        // With the rule on, 4 and 2 are hidden, and so is the share that would give them away.
        var suppressed = Sheet(Pack(), "Region North West").Table("Age profile").Row("Genetic counselling");
        Assert.Equal(["<5", "<5", "suppressed"], new[] { "Aged 55-59", "Aged 60 and over", "Share aged 55 and over" }.Select(h => PackDump.Cell(suppressed[h])));
    }

    [Fact]
    public void The_assumptions_sheet_lists_every_assumption_with_its_source_and_version_the_routes_and_the_seed()
    {
        var pack = Pack(runs: 20, seed: 4242);
        var sheet = Sheet(pack, "Assumptions");

        var settings = sheet.Table("planning-assumptions.csv");
        Assert.Equal(
            ["organisation_threshold_heads", "credibility_min", "credibility_max", "ageing_under_50", "runs", "horizon_years", "suppress_below_heads", "prior_leaver_rate_under_55", "prior_leaver_rate_55_59", "prior_leaver_rate_60_plus", "prior_joiner_rate", "prior_person_years"],
            settings.Rows.Select(r => r[0].Text));
        Assert.Equal("test: enough runs", settings.Row("runs")["Source"].Text);
        Assert.Equal("default (not in planning-assumptions.csv)", settings.Row("credibility_min")["Source"].Text);
        Assert.All(settings.Rows, r => Assert.Equal("none", r[3].Text));
        Assert.Equal("test route source", sheet.Table("training-pipelines.csv").Row("STP-GC")["Source"].Text);
        var run = sheet.Table("Plan runs").Row("baseline");
        Assert.Equal("4242", run["Seed"].Text);
        Assert.Equal(20.0, run["Monte Carlo runs"].Number);
        Assert.Equal("none: the baseline", sheet.Table("Scenario overrides").Row("baseline")["Override"].Text);
        Assert.Contains("seed 4242", pack.RunStatement, StringComparison.Ordinal);
        Assert.Contains("2025-04-02 09:30 UTC", pack.RunStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_names_an_organisation_with_no_return_and_reconciliation_flags_a_disagreement_over_ten_percent()
    {
        // A01: ESR 21 + 9 + 3 = 33 FTE against the return's 25 + 3 = 28 WTE in post: +17.9%, flagged.
        var pack = Pack();
        Assert.Contains(Sheet(pack, "Assumptions").Blocks.OfType<PackText>(), t => t.Text.StartsWith("Coverage.", StringComparison.Ordinal) && t.Text.Contains("no survey return: Trust B (B02)", StringComparison.Ordinal));
        var england = Sheet(pack, "England");
        Assert.Contains(england.Texts(), t => t.Contains("No survey return: B02", StringComparison.Ordinal) && t.Contains("more than 10% of the returns' figure: A01", StringComparison.Ordinal));
        var quality = england.Table("Data quality by organisation");
        var a01 = quality.Row("A01", column: 1);
        Assert.Equal(33.0, a01["ESR FTE"].Number);
        Assert.Equal(28.0, a01["Returns' WTE in post"].Number);
        Assert.Equal(0.179, a01["ESR against returns"].Number);
        Assert.Equal("ESR and the return differ by more than 10%", a01["Check"].Text);
        Assert.Equal("no return: demand and vacancies not stated", quality.Row("B02", column: 1)["Check"].Text);

        // 30 + 3 = 33 WTE: they agree.
        var agreeing = Sheet(Pack(facts: Facts(gcInPost: 30)), "England").Table("Data quality by organisation").Row("A01", column: 1);
        Assert.Equal("agrees within 10%", agreeing["Check"].Text);

        // Vacancies from the return: GC 2 of 21 funded.
        var vacancies = Sheet(pack, "Region North West").Table("Funded establishment").Row("GC");
        Assert.Equal(0.095, vacancies["Vacancy rate"].Number);
    }

    [Fact]
    public void The_same_inputs_and_seed_give_an_equal_document_and_scenarios_stand_side_by_side()
    {
        Assert.Equal(PackDump.Of(Pack(runs: 30, seed: 9)), PackDump.Of(Pack(runs: 30, seed: 9)));
        Assert.NotEqual(PackDump.Of(Pack(runs: 30, seed: 9)), PackDump.Of(Pack(runs: 30, seed: 10)));

        var a = Assumptions();
        var planner = new SupplyPlanner(a, Reference.Data.Taxonomy, Geography);
        var baseline = planner.ProjectExpected(Inputs());
        var more = planner.ProjectExpected(Inputs(), "more-stp", new Dictionary<string, double> { ["STP-GC"] = 10 }) with { ScenarioStatements = ["STP genomic counselling: 10 starters a year from next year"] };
        var pack = new PlanningPackBuilder(a, Reference.Data.Taxonomy, Geography).Build([Record(baseline), Record(more)], Inputs(), Facts());

        var england = Sheet(pack, "England");
        var chart = england.Charts().Single(c => c.Title.StartsWith("Genetic counselling: scenarios", StringComparison.Ordinal));
        Assert.Equal([("baseline", PackSeriesKind.Line), ("more-stp", PackSeriesKind.Line), ("Stated demand", PackSeriesKind.Demand)], chart.Series.Select(s => (s.Name, s.Kind)));
        var moreLines = more.Lines.Where(l => l.Unit.IsNational && l.IsFamily && l.Code == "Genetic counselling").OrderBy(l => l.Year).Select(l => (double?)Math.Round(l.SupplyFte.P50, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(moreLines, chart.Series[1].Values);
        Assert.True(chart.Series[1].Values[10] > chart.Series[0].Values[10]);

        var gaps = england.Table("The gap at 5 and 10 years by scenario");
        Assert.Equal(["baseline", "more-stp"], gaps.Rows.Where(r => r[1].Text == "Genetic counselling").Select(r => r[0].Text));
        var gap10 = more.Lines.Single(l => l.Unit.IsNational && l.IsFamily && l.Code == "Genetic counselling" && l.Year == 10).GapFte!.Value;
        Assert.Equal(Math.Round(gap10.P50, 1, MidpointRounding.AwayFromZero), gaps.Rows.Single(r => r[0].Text == "more-stp" && r[1].Text == "Genetic counselling")[6].Number);
        Assert.Equal("STP genomic counselling: 10 starters a year from next year", Sheet(pack, "Assumptions").Table("Scenario overrides").Row("more-stp")["Override"].Text);
        Assert.Contains("scenarios baseline and more-stp", pack.RunStatement, StringComparison.Ordinal);
    }
}
