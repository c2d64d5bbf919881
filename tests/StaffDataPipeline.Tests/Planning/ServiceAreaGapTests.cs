using StaffDataPipeline.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// Demand and the gap by service area, worked by hand: one unit (a trust in the North West), one role (genetic
/// counsellors) with stated demand in two service areas, rare disease (phase one) and the cancer arm (phase two),
/// through a year of the expected projection. Supply is set against each area in the shares of the WTE in post the
/// returns give it; where they give none, nothing is invented.
/// </summary>
public sealed class ServiceAreaGapTests
{
    private static readonly PlanningRoute StpGc = HandWorkedRegion.StpGc;

    private static readonly PlanningGeography NorthWest = HandWorkedRegion.NorthWest;

    // The case of HandWorkedYearTests (21 GC in post, one FTE each), whose year 1 supply is worked there.
    private static PlanningInputs Inputs(double? rareInPost, double? cancerInPost) => HandWorkedRegion.Inputs(
        [
            new("A01", "GC", "Rare disease", 14, 20, 25) { InPostFte = rareInPost },
            new("A01", "GC", "Cancer (somatic)", 7, 10, 15) { InPostFte = cancerInPost },
        ]);

    private static PlanResult Plan(PlanningInputs inputs) =>
        new SupplyPlanner(PlanningAssumptions.None with { Routes = [StpGc] }, Reference.Data.Taxonomy, NorthWest).ProjectExpected(inputs);

    [Fact]
    public void Supply_is_split_by_the_returns_in_post_shares_and_each_service_areas_gap_follows_through_a_year()
    {
        // The returns give 12 WTE in post in rare disease and 6 in the cancer arm: two thirds and one third.
        var result = Plan(Inputs(12, 6));

        // Year 1 supply in the region, as HandWorkedYearTests works it: stayers aged, joiners, and of the 4 trainees
        // qualifying the half who stay where they trained.
        var supply1 = 8.1 + 4.5 + 3.46 + 1.64 + (2.0 / 27 * 21) + (4 * 0.95 * 0.9 * 0.8 * 0.5);
        var rare = Area(result, "Y62", "RARE-DISEASE", 1);
        var cancer = Area(result, "Y62", "CANCER-SOMATIC", 1);

        // Demand in a straight line to the 5-year figure: rare disease 14 → 20 (15.2 at year 1), cancer 7 → 10 (7.6).
        Assert.Equal(15.2, rare.DemandFte, 6);
        Assert.Equal(7.6, cancer.DemandFte, 6);
        Assert.Equal(2 / 3.0, rare.SupplyShare!.Value, 9);
        Assert.Equal(supply1 * 2 / 3, rare.SupplyFte!.Value.P50, 4);
        Assert.Equal(supply1 / 3, cancer.SupplyFte!.Value.P50, 4);
        Assert.Equal(15.2 - (supply1 * 2 / 3), rare.GapFte!.Value.P50, 4);
        Assert.Equal(7.6 - (supply1 / 3), cancer.GapFte!.Value.P50, 4);
        Assert.Equal((ServiceAreaPhases.PhaseOne, ServiceAreaPhases.PhaseTwo), (rare.Phase, cancer.Phase));
        Assert.Equal(ServiceAreaSplit.ByInPost, rare.Note);

        // The service areas add up to the role's line: demand and gap.
        var total = result.Lines.Single(l => l.Unit.Code == "Y62" && l.Code == "GC" && l.Year == 1);
        Assert.Equal(total.DemandFte!.Value, rare.DemandFte + cancer.DemandFte, 6);
        Assert.Equal(total.GapFte!.Value.P50, rare.GapFte.Value.P50 + cancer.GapFte.Value.P50, 4);

        // Year 0: the establishment against today's 21 FTE, split the same way.
        Assert.Equal(14 - 14, Area(result, "Y62", "RARE-DISEASE", 0).GapFte!.Value.P50, 4);

        // The family's line by service area covers the roles that state demand there (GC, not its trainees).
        var family = result.ServiceAreaLines.Single(l => l.Unit.Code == "Y62" && l.IsFamily && l.ServiceAreaCode == "CANCER-SOMATIC" && l.Year == 1);
        Assert.Equal("Genetic counselling", family.Code);
        Assert.Equal(cancer.SupplyFte.Value.P50, family.SupplyFte!.Value.P50, 4);
        Assert.Equal(cancer.DemandFte, family.DemandFte, 6);
    }

    [Fact]
    public void Without_in_post_by_service_area_demand_stands_and_no_split_is_invented()
    {
        var result = Plan(Inputs(12, null));

        var cancer = Area(result, "ENG", "CANCER-SOMATIC", 1);
        Assert.Equal(7.6, cancer.DemandFte, 6);
        Assert.Null(cancer.SupplyShare);
        Assert.Null(cancer.SupplyFte);
        Assert.Null(cancer.GapFte);
        Assert.Equal(ServiceAreaSplit.NoInPost, cancer.Note);
        Assert.Null(Area(result, "ENG", "RARE-DISEASE", 1).GapFte);

        // The role's own line still has its gap over both service areas.
        Assert.NotNull(result.Lines.Single(l => l.Unit.IsNational && l.Code == "GC" && l.Year == 1).GapFte);
    }

    [Fact]
    public void With_demand_in_one_service_area_all_the_supply_counts_there()
    {
        var inputs = Inputs(null, null) with { Demand = [new DemandCell("A01", "GC", "Inherited cancer", 21, 30, 40)] };
        var result = Plan(inputs);

        var line = Area(result, "ENG", "INHERITED-CANCER", 3);
        var total = result.Lines.Single(l => l.Unit.IsNational && l.Code == "GC" && l.Year == 3);
        Assert.Equal(1, line.SupplyShare);
        Assert.Equal(total.SupplyFte.P50, line.SupplyFte!.Value.P50, 6);
        Assert.Equal(total.GapFte!.Value.P50, line.GapFte!.Value.P50, 4);
        Assert.Equal(ServiceAreaPhases.PhaseOne, line.Phase);
    }

    private static ServiceAreaLine Area(PlanResult result, string unit, string area, int year) =>
        result.ServiceAreaLines.Single(l => l.Unit.Code == unit && !l.IsFamily && l.Code == "GC" && l.ServiceAreaCode == area && l.Year == year);
}
