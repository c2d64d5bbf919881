using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>Small numbers cannot break a rate: the credibility formula on teams of five, and k from the spread between units.</summary>
public sealed class ShrinkageTests
{
    [Fact]
    public void A_team_of_5_with_no_leaver_keeps_most_of_the_national_rate()
    {
        // k = 10 person-years of national evidence: Z = 5 / 15, rate = (0 + 10 × 0.08) / (5 + 10).
        var rate = Credibility.Leaver(events: 0, exposure: 5, target: 0.08, k: 10);

        Assert.Equal(0.8 / 15, rate.Mean, 12);
        Assert.Equal(5.0 / 15, rate.Weight, 12);
        Assert.Equal(0.0, rate.Observed);
    }

    [Fact]
    public void A_team_of_5_with_one_leaver_is_not_given_its_own_20_percent()
    {
        var rate = Credibility.Leaver(events: 1, exposure: 5, target: 0.08, k: 10);

        Assert.Equal(1.8 / 15, rate.Mean, 12);
        Assert.Equal(0.2, rate.Observed);
        Assert.Equal(rate.Weight * 0.2 + (1 - rate.Weight) * 0.08, rate.Mean, 12);
    }

    [Fact]
    public void Units_that_differ_only_by_chance_get_the_most_shrinkage_and_units_that_really_differ_less()
    {
        // Same rate 0.1 everywhere, leavers exactly as expected: no spread beyond chance.
        var alike = Enumerable.Range(0, 20).Select(_ => (Events: 5.0, Exposure: 50.0, Target: 0.1));
        // Half the units lose 2 %, half 30 %: a real difference.
        var unlike = Enumerable.Range(0, 20).Select(i => (Events: i % 2 == 0 ? 1.0 : 15.0, Exposure: 50.0, Target: 0.16));

        Assert.Equal(1000, Credibility.EstimateK(alike, 10, 1000));
        var k = Credibility.EstimateK(unlike, 10, 1000);
        Assert.InRange(k, 10, 20);
    }

    [Fact]
    public void A_region_with_five_people_and_no_leaver_gets_the_national_rate_shrunk_by_the_stated_formula()
    {
        var organisations = new[]
        {
            new Organisation("BIG", "Big trust", "NHS trust", "Y56", "London", "North Thames"),
            new Organisation("SML", "Small trust", "NHS trust", "Y58", "South West", "South West"),
        };
        var inputs = new PlanningInputs(
            new DateOnly(2025, 3, 31),
            [new("BIG", "GC", AgeBand.Under50, 200, 200), new("SML", "GC", AgeBand.Under50, 5, 5)],
            [new("BIG", "GC", AgeBand.Under50, 12, 200, 16, 0, 0, 16, 0), new("SML", "GC", AgeBand.Under50, 12, 5, 0, 0, 0, 0, 0)],
            [],
            [],
            []);
        var assumptions = PlanningAssumptions.None with { CredibilityMin = 10, CredibilityMax = 10 };
        var result = new SupplyPlanner(assumptions, Reference.Data.Taxonomy, new PlanningGeography(organisations)).ProjectExpected(inputs);

        var national = 16.0 / 205;
        var south = result.LeaverRates.Single(r => r.Unit.Code == "Y58" && r.RoleCode == "GC" && r.Band == RateBand.Under55);
        Assert.Equal(national, south.TargetRate, 12);
        Assert.Equal(10 * national / (5 + 10), south.Rate, 12);
        Assert.True(south.Rate > 0);

        // The small trust is under the threshold of 20: no line of its own, and it is listed as such.
        Assert.DoesNotContain(result.Lines, l => l.Unit.Code == "SML");
        Assert.Contains(result.Suppressed, s => s.Unit.Code == "SML" && s.RoleCode == "GC" && s.Heads == 5);
        Assert.Contains(result.Lines, l => l.Unit.Code == "BIG" && l.Code == "GC");
    }
}
