using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// A warehouse with no 12-month flows yet (one or two monthly exports) plans with the assumed rates of
/// planning-assumptions.csv, not with none: without them a team never loses anyone and never hires.
/// </summary>
public sealed class PriorRateTests
{
    private static readonly PlanningGeography NorthWest = new([new Organisation("A01", "Trust A", "NHS trust", "Y62", "North West", "North West")]);

    private static PlanningInputs StockOnly() => new(new DateOnly(2025, 3, 31), [new("A01", "GC", AgeBand.Under50, 10, 10)], [], [], [], []);

    [Fact]
    public void With_no_flows_the_assumed_rates_are_the_rates_worked_through_a_year()
    {
        var assumptions = PlanningAssumptions.None with { PriorLeaverRates = [0.2, 0.2, 0.2], PriorJoinerRate = 0.05, PriorPersonYears = 50 };
        var result = new SupplyPlanner(assumptions, Reference.Data.Taxonomy, NorthWest).ProjectExpected(StockOnly());

        // 10 in post: 2 leave (20%), 0.5 join (5% of the 10); the same in England, the region and the GLH.
        Assert.All(result.Lines.Where(l => l.Code == "GC" && l.Year == 1), l => Assert.Equal(8.5, l.SupplyFte.P50, 6));
        Assert.Equal(10 * Math.Pow(0.85, 2), result.Lines.Single(l => l.Unit.IsNational && l.Code == "GC" && l.Year == 2).SupplyFte.P50, 6);
    }

    [Fact]
    public void With_less_than_a_year_of_history_a_route_keeps_its_size_instead_of_losing_its_intake()
    {
        // 6 trainees in post on a 3-year route, no 12-month flows, no starters seen: 2 start a year, as many as finish.
        var route = new PlanningRoute("STP-GC", "STP genomic counselling", "GC-TRAINEE", "GC", 3, 0, 1, 1, 1, null, "test");
        var inputs = new PlanningInputs(
            new DateOnly(2025, 3, 31),
            [new("A01", "GC", AgeBand.Under50, 10, 10), new("A01", "GC-TRAINEE", AgeBand.Under50, 6, 6)],
            [],
            [new("A01", "STP-GC", 1, 2, 2), new("A01", "STP-GC", 2, 2, 2), new("A01", "STP-GC", 3, 2, 2)],
            [],
            [new("A01", "GC", "Rare disease", 12, 14, 16)]);
        var result = new SupplyPlanner(PlanningAssumptions.None with { Routes = [route] }, Reference.Data.Taxonomy, NorthWest).ProjectExpected(inputs);

        Assert.All(result.Commissions.Where(c => c.Unit.IsNational), c => Assert.Equal(2, c.BaselinePerYear, 9));
        Assert.All(Enumerable.Range(0, 11), year => Assert.Equal(6, result.Lines.Single(l => l.Unit.IsNational && l.Code == "GC-TRAINEE" && l.Year == year).SupplyFte.P50, 6));

        // With a year of flows the starters seen are the intake: none seen, none start.
        var withHistory = inputs with { Flows = [new("A01", "GC", AgeBand.Under50, 12, 10, 0, 0, 0, 0, 0)] };
        var counted = new SupplyPlanner(PlanningAssumptions.None with { Routes = [route] }, Reference.Data.Taxonomy, NorthWest).ProjectExpected(withHistory);
        Assert.Equal(0, counted.Lines.Single(l => l.Unit.IsNational && l.Code == "GC-TRAINEE" && l.Year == 3).SupplyFte.P50, 6);
    }

    [Fact]
    public void Without_assumed_rates_a_team_with_no_flows_stays_as_it_is_and_the_shipped_file_sets_them()
    {
        var result = new SupplyPlanner(PlanningAssumptions.None, Reference.Data.Taxonomy, NorthWest).ProjectExpected(StockOnly());
        Assert.Equal(10, result.Lines.Single(l => l.Unit.IsNational && l.Code == "GC" && l.Year == 5).SupplyFte.P50, 6);

        var shipped = Reference.Data.PlanningAssumptions;
        Assert.Equal([0.08, 0.12, 0.30], shipped.PriorLeaverRates);
        Assert.True(shipped.PriorPersonYears > 0);
        Assert.True(shipped.PriorJoinerRate > 0);
    }
}
