using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// A gap is demand minus supply over the same organisations: demand stated by an organisation whose staff in post the
/// warehouse does not hold is left out of every line, and the plan names the organisation.
/// </summary>
public sealed class DemandCoverageTests
{
    private static readonly PlanningGeography NorthWest = new(
    [
        new Organisation("A01", "Trust A", "NHS trust", "Y62", "North West", "North West"),
        new Organisation("B02", "Trust B", "NHS trust", "Y62", "North West", "North West"),
    ]);

    [Fact]
    public void Demand_from_an_organisation_with_no_staff_in_post_is_left_out_of_the_gap_and_named()
    {
        // A01: 10 GC in post, establishment 12. B02 sent a return (establishment 30) but no ESR export is loaded.
        var inputs = new PlanningInputs(
            new DateOnly(2025, 3, 31),
            [new("A01", "GC", AgeBand.Under50, 10, 10)],
            [new("A01", "GC", AgeBand.Under50, 12, 10, 1, 0, 1, 0, 0)],
            [],
            [],
            [new("A01", "GC", "Rare disease", 12, null, null), new("B02", "GC", "Rare disease", 30, null, null)]);

        var result = new SupplyPlanner(PlanningAssumptions.None, Reference.Data.Taxonomy, NorthWest).ProjectExpected(inputs);

        var region = result.Lines.Single(l => l.Unit.Code == "Y62" && l.Code == "GC" && l.Year == 0);
        Assert.Equal(12, region.DemandFte!.Value, 6);
        Assert.Equal(12 - 10, region.GapFte!.Value.P50, 6);
        var england = result.Lines.Single(l => l.Unit.IsNational && l.Code == "GC" && l.Year == 0);
        Assert.Equal(12, england.DemandFte!.Value, 6);
        Assert.Equal(["B02"], result.DemandWithoutSupply);
        Assert.DoesNotContain(result.Lines, l => l.Unit.Code == "B02");
    }
}
