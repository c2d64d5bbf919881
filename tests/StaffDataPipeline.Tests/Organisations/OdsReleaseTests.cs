using StaffDataPipeline.Csv.Ods;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Organisations;

/// <summary>Reading an ODS release, names as people write them, and merger chains: no warehouse needed.</summary>
public sealed class OdsReleaseTests
{
    internal static readonly Lazy<IReadOnlyList<OdsOrganisation>> Release = new(() => OdsReleaseReader.Read(Repository.OdsRelease));

    [Fact]
    public void The_release_reads_every_trust_and_site_with_readable_names_parents_and_dates()
    {
        var release = Release.Value;

        Assert.Equal(29_955, release.Count);
        Assert.Equal(234, release.Count(o => !o.IsSite));
        var manchester = release.Single(o => o.Code == "R0A");
        Assert.Equal(("Manchester University NHS Foundation Trust", "Y54", new DateOnly(2017, 10, 1), (DateOnly?)null), (manchester.Name, manchester.NationalGrouping, manchester.OpenDate!.Value, manchester.CloseDate));
        var infirmary = release.Single(o => o.Code == "R0A02");
        Assert.Equal(("Manchester Royal Infirmary", "R0A"), (infirmary.Name, infirmary.ParentCode));
        Assert.Equal(new DateOnly(2017, 12, 31), release.Single(o => o.Code == "R0A1A").CloseDate);
    }

    [Theory]
    [InlineData("MANCHESTER UNIVERSITY NHS FOUNDATION TRUST", "Manchester University NHS Foundation Trust")]
    [InlineData("BIRMINGHAM WOMEN'S AND CHILDREN'S NHS FOUNDATION TRUST", "Birmingham Women's and Children's NHS Foundation Trust")]
    [InlineData("MANCHESTER UNIVERSITY HOSPITAL NHS FT (HQ)", "Manchester University Hospital NHS FT (HQ)")]
    [InlineData("THE ROYAL MARSDEN NHS FOUNDATION TRUST", "The Royal Marsden NHS Foundation Trust")]
    [InlineData("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guy's and St Thomas' NHS Foundation Trust")]
    public void Names_are_written_as_people_write_them(string ods, string readable) => Assert.Equal(readable, ReadableName.Of(ods));

    [Fact]
    public void A_chain_of_mergers_is_followed_to_today_and_a_loop_ends()
    {
        var chain = new SuccessorChain([new("AAA", "BBB", new DateOnly(2019, 4, 1)), new("BBB", "CCC", new DateOnly(2021, 4, 1)), new("CCC", "AAA", new DateOnly(2030, 1, 1))]);

        Assert.Equal("CCC", chain.Current("AAA", new DateOnly(2024, 1, 1)));
        Assert.Equal("BBB", chain.Current("AAA", new DateOnly(2020, 1, 1)));
        Assert.Equal("AAA", chain.Current("AAA", new DateOnly(2018, 1, 1)));
        Assert.Null(chain.SuccessorOrNull("ZZZ", new DateOnly(2024, 1, 1)));
        Assert.Equal("CCC", chain.Current("AAA", new DateOnly(2031, 1, 1)));
    }
}
