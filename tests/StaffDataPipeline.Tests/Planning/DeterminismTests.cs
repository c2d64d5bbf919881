using StaffDataPipeline.Planning;
using StaffDataPipeline.SampleGenerator.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>Same data, assumptions and seed give the same figures; another seed gives others; bands are ordered.</summary>
public sealed class DeterminismTests
{
    private static readonly NationalHistory History = NationalHistory.Generate(scale: 0.3, organisationsPerRegion: 2, years: 4);

    private static SupplyPlanner Planner() => new(
        Reference.Data.PlanningAssumptions with { Routes = NationalHistory.Routes },
        Reference.Data.Taxonomy,
        new PlanningGeography(History.Organisations));

    [Fact]
    public void The_same_seed_gives_identical_figures_and_another_seed_does_not()
    {
        var inputs = History.InputsAt(3);

        var first = Planner().Project(inputs, runs: 200, seed: 42);
        var again = Planner().Project(inputs, runs: 200, seed: 42);
        var other = Planner().Project(inputs, runs: 200, seed: 43);

        Assert.NotEmpty(first.Lines);
        Assert.Equal(first.Lines, again.Lines);
        Assert.Equal(first.Commissions, again.Commissions);
        Assert.NotEqual(first.Lines, other.Lines);
        Assert.Equal(42UL, first.Seed);
        Assert.Equal(200, first.Runs);
    }

    [Fact]
    public void Every_band_is_ordered_and_year_0_is_the_stock()
    {
        var inputs = History.InputsAt(3);
        var result = Planner().Project(inputs, runs: 200, seed: 1);

        Assert.All(result.Lines, l => Assert.True(l.SupplyFte.P10 <= l.SupplyFte.P50 && l.SupplyFte.P50 <= l.SupplyFte.P90, $"{l.Unit} {l.Code} year {l.Year}"));
        var stock = inputs.Stock.Sum(s => s.Fte);
        var year0 = result.Lines.Where(l => l.Unit.IsNational && l.IsFamily && l.Year == 0).Sum(l => l.SupplyFte.P50);
        Assert.Equal(stock, year0, 1);
    }
}
