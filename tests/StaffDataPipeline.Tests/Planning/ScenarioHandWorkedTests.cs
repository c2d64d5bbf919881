using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.SampleGenerator.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// Scenarios through the expected projection, worked by hand on the one-trust, one-role case of
/// <see cref="HandWorkedYearTests"/> (genetic counsellors fed by STP genomic counselling, data as of March 2025):
/// each override moves the figure it names by what the arithmetic says, and nothing else.
/// </summary>
public sealed class ScenarioHandWorkedTests
{
    private static readonly PlanningRoute StpGc = HandWorkedRegion.StpGc;

    private static readonly PlanningGeography NorthWest = HandWorkedRegion.NorthWest;

    // HandWorkedRegion (as HandWorkedYearTests), with rare disease demand 21 → 30 → 40 unless given.
    private static PlanningInputs Inputs(params DemandCell[] demand) =>
        HandWorkedRegion.Inputs(demand.Length == 0 ? [new("A01", "GC", "Rare disease", 21, 30, 40)] : demand);

    private static SupplyPlanner Planner() => new(PlanningAssumptions.None with { Routes = [StpGc] }, Reference.Data.Taxonomy, NorthWest);

    private static PlanScenario Scenario(params ScenarioOverride[] overrides) => new("test", "00000000", overrides);

    private static ScenarioOverride Override(ScenarioOverrideKind kind, string target, ScenarioChange change, double value, ScenarioYear? from = null, ScenarioYear? by = null, string? to = null) =>
        new(kind, target, to, change, value, from, by, string.Empty);

    [Fact]
    public void Twenty_percent_more_commissions_add_the_expected_qualified_supply_after_the_route_length()
    {
        var baseline = Planner().ProjectExpected(Inputs());
        var more = Planner().ProjectExpected(Inputs(), Scenario(Override(ScenarioOverrideKind.Commissions, "STP-GC", ScenarioChange.Percent, 20)));

        // 2 starters a year become 2.4: 0.4 more start in plan year 1 (in their first training year at its end), then
        // train through years 2, 3 and 4, 5 % leaving each year, and qualify in year 4: 0.4 × 0.95³ × 0.9 × 0.8.
        var extra = 0.4 * Math.Pow(0.95, 3) * 0.9 * 0.8;
        Assert.Equal(0.4, Line(more, "GC-TRAINEE", 1).SupplyFte.P50 - Line(baseline, "GC-TRAINEE", 1).SupplyFte.P50, 4);
        for (var year = 0; year <= 3; year++)
        {
            Assert.Equal(Line(baseline, "GC", year).SupplyFte.P50, Line(more, "GC", year).SupplyFte.P50, 4);
        }

        Assert.Equal(extra, Line(more, "GC", 4).SupplyFte.P50 - Line(baseline, "GC", 4).SupplyFte.P50, 4);
        Assert.Equal(2.4, more.Commissions.Single(c => c.Unit.IsNational && c.HorizonYears == 5).BaselinePerYear, 6);
    }

    [Fact]
    public void Commissions_from_a_calendar_year_start_with_the_intake_of_that_autumn()
    {
        // Data as of March 2025: plan year 1 is April 2025 to March 2026, so the autumn 2026 intake is in plan year 2
        // and qualifies a year later than one from year 1.
        var baseline = Planner().ProjectExpected(Inputs());
        var from2026 = Planner().ProjectExpected(Inputs(), Scenario(Override(ScenarioOverrideKind.Commissions, "STP-GC", ScenarioChange.Add, 1, ScenarioYear.Calendar(2026))));

        Assert.Equal(2, ScenarioYear.Calendar(2026).PlanYear(new DateOnly(2025, 3, 31)));
        Assert.Equal(Line(baseline, "GC-TRAINEE", 1).SupplyFte.P50, Line(from2026, "GC-TRAINEE", 1).SupplyFte.P50, 4);
        Assert.Equal(1, Line(from2026, "GC-TRAINEE", 2).SupplyFte.P50 - Line(baseline, "GC-TRAINEE", 2).SupplyFte.P50, 4);
        Assert.Equal(Line(baseline, "GC", 4).SupplyFte.P50, Line(from2026, "GC", 4).SupplyFte.P50, 4);
        Assert.Equal(Math.Pow(0.95, 3) * 0.9 * 0.8, Line(from2026, "GC", 5).SupplyFte.P50 - Line(baseline, "GC", 5).SupplyFte.P50, 4);
    }

    [Fact]
    public void A_leaver_rate_multiplier_of_one_and_a_half_gives_the_expected_stock_after_a_year()
    {
        var result = Planner().ProjectExpected(Inputs(), Scenario(Override(ScenarioOverrideKind.LeaverRate, "GC", ScenarioChange.Multiplier, 1.5)));

        // Leaver rates 15 %, 15 %, 30 %, 75 %: stayers 10 × 0.85 + 5 × 0.85 + 4 × 0.7 + 2 × 0.25 = 16.05 (ageing moves
        // people between bands, not out). Joiners are a rate on those in post at the start: 2 / 27 × 21. The 4
        // final-year trainees qualify as before: 4 × 0.95 × 0.9 × 0.8.
        var expected = 16.05 + (2.0 / 27 * 21) + (4 * 0.95 * 0.9 * 0.8);
        Assert.Equal(expected, Line(result, "GC", 1).SupplyFte.P50, 4);
        Assert.Equal(["Leaver rate of GC × 1.5"], result.ScenarioStatements);
    }

    [Fact]
    public void Demand_growth_reaches_thirty_percent_at_year_five_in_its_service_area_only()
    {
        var inputs = Inputs(new DemandCell("A01", "GC", "Rare disease", 14, 20, 25), new DemandCell("A01", "GC", "Cancer (somatic)", 7, 10, 15));
        var baseline = Planner().ProjectExpected(inputs);
        var growth = Planner().ProjectExpected(inputs, Scenario(Override(ScenarioOverrideKind.DemandGrowth, "CANCER-SOMATIC", ScenarioChange.Percent, 30, by: ScenarioYear.Plan(5))));

        double Area(PlanResult r, string area, int year) => r.ServiceAreaLines.Single(l => l.Unit.IsNational && !l.IsFamily && l.Code == "GC" && l.ServiceAreaCode == area && l.Year == year).DemandFte;

        // In a straight line from year 0: +6 % a year, +30 % from year 5 on; rare disease unchanged.
        Assert.Equal(7, Area(growth, "CANCER-SOMATIC", 0), 6);
        Assert.Equal((7 + (3 * 2 / 5.0)) * 1.12, Area(growth, "CANCER-SOMATIC", 2), 6);
        Assert.Equal(10 * 1.3, Area(growth, "CANCER-SOMATIC", 5), 6);
        Assert.Equal(15 * 1.3, Area(growth, "CANCER-SOMATIC", 10), 6);
        Assert.Equal(Area(baseline, "RARE-DISEASE", 5), Area(growth, "RARE-DISEASE", 5), 6);
        Assert.Equal(20 + 13, Line(growth, "GC", 5).DemandFte!.Value, 4);
        Assert.Equal(Line(baseline, "GC", 5).SupplyFte.P50, Line(growth, "GC", 5).SupplyFte.P50, 6);
        Assert.Equal(["Stated demand in Cancer (somatic) +30%, reached in a straight line by year 5"], growth.ScenarioStatements);
    }

    [Fact]
    public void Skill_mix_moves_a_share_of_one_roles_demand_to_another_and_fte_a_head_changes_supply()
    {
        var result = Planner().ProjectExpected(Inputs(), Scenario(
            Override(ScenarioOverrideKind.SkillMix, "GC", ScenarioChange.Percent, 15, by: ScenarioYear.Plan(5), to: "GEN-PRACT"),
            Override(ScenarioOverrideKind.FtePerHead, "GC", ScenarioChange.Set, 0.8)));
        var baseline = Planner().ProjectExpected(Inputs());

        // GC states 30 at year 5; practitioners take on 15 % of it by then (6 % at year 2 of 24.6).
        Assert.Equal(30 * 0.85, Line(result, "GC", 5).DemandFte!.Value, 4);
        Assert.Equal(30 * 0.15, Line(result, "GEN-PRACT", 5).DemandFte!.Value, 4);
        Assert.Equal(24.6 * 0.06, Line(result, "GEN-PRACT", 2).DemandFte!.Value, 4);
        Assert.Equal(0, Line(result, "GEN-PRACT", 5).SupplyFte.P50, 6);

        // The same heads at 0.8 FTE each from year 1; year 0 is today's.
        Assert.Equal(21, Line(result, "GC", 0).SupplyFte.P50, 4);
        Assert.Equal(Line(baseline, "GC", 1).SupplyHeadsP50 * 0.8, Line(result, "GC", 1).SupplyFte.P50, 3);
        Assert.Equal(
            ["GEN-PRACT take on 15% of GC's stated demand (skill mix), reached in a straight line by year 5", "GC working 0.8 FTE a head (less-than-full-time working)"],
            result.ScenarioStatements);
    }

    [Fact]
    public void The_same_scenario_seed_and_inputs_give_identical_figures_and_the_scenario_moves_them()
    {
        var history = NationalHistory.Generate(scale: 0.2, organisationsPerRegion: 2, years: 4);
        var planner = new SupplyPlanner(Reference.Data.PlanningAssumptions with { Routes = NationalHistory.Routes }, Reference.Data.Taxonomy, new PlanningGeography(history.Organisations));
        var inputs = history.InputsAt(3);
        var route = NationalHistory.Routes[0].Code;
        var scenario = new PlanScenario("more", "abcdef12", [Override(ScenarioOverrideKind.Commissions, route, ScenarioChange.Percent, 50), Override(ScenarioOverrideKind.LeaverRate, ScenarioTargets.All, ScenarioChange.Multiplier, 0.8)]);

        var first = planner.Project(inputs, scenario, runs: 100, seed: 9);
        var again = planner.Project(inputs, scenario, runs: 100, seed: 9);
        var baseline = planner.Project(inputs, runs: 100, seed: 9);

        Assert.Equal(first.Lines, again.Lines);
        Assert.Equal(first.Commissions, again.Commissions);
        Assert.Equal(first.ServiceAreaLines, again.ServiceAreaLines);
        Assert.NotEqual(baseline.Lines, first.Lines);
        Assert.Equal("more", first.Scenario);
        Assert.Equal($"{Reference.Data.PlanningAssumptions.Version}.S.abcdef12", first.AssumptionsVersion);
        Assert.Equal(Reference.Data.PlanningAssumptions.Version, baseline.AssumptionsVersion);
        Assert.Empty(baseline.ScenarioStatements);
    }

    private static PlanLine Line(PlanResult result, string code, int year) =>
        result.Lines.Single(l => l.Unit.IsNational && l.Code == code && l.Year == year);
}
