using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Tests.Organisations;

/// <summary>
/// Codes the team's file does not list are built from ODS or from the file, and every row of one after the first shares
/// what was built (a national extract would otherwise allocate an organisation a row): sharing must never mix up two
/// codes, two names written beside one unknown code, or two sites of one trust.
/// </summary>
public sealed class OrganisationCatalogueTests
{
    private static readonly Organisation Trust = new("RGT", "Cambridge University Hospitals", Organisation.TrustType, "Y61", "East of England", "East GLH");

    private static OrganisationCatalogue Catalogue() => new(
        [Trust],
        [new OdsOrganisation("RGT01", "Addenbrooke's Hospital", "RGT", "Y61", null, null), new OdsOrganisation("RGT02", "Rosie Hospital", "RGT", "Y61", null, null),
         new OdsOrganisation("R0A", "Manchester University", null, "Y62", null, null)]);

    [Fact]
    public void Every_row_of_a_code_gets_the_same_organisation_and_each_name_written_beside_an_unknown_code_is_kept()
    {
        var catalogue = Catalogue();

        var first = Enumerable.Range(0, 5).Select(_ => catalogue.Resolve("zz9", "Somewhere NHS Trust")).ToList();
        var other = Enumerable.Range(0, 5).Select(_ => catalogue.Resolve("zz9", "Elsewhere")).ToList();

        Assert.All(first, o => Assert.Equal(new Organisation("ZZ9", "Somewhere NHS Trust", Organisation.UnknownType, null, null, null), o));
        Assert.All(other, o => Assert.Equal("Elsewhere", o.Name));
        Assert.Same(first[2], first[4]);
        Assert.Equal("(not in reference data)", catalogue.Resolve("ZZ8", " ").Name);
    }

    [Fact]
    public void Two_sites_of_one_trust_stay_two_sites_and_the_team_file_wins()
    {
        var catalogue = Catalogue();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("RGT01", catalogue.Resolve("RGT01", null).RolledUpFrom);
            Assert.Equal("RGT02", catalogue.Resolve("RGT02", "Rosie").RolledUpFrom);
            Assert.Same(Trust, catalogue.Resolve("RGT", "anything"));
            Assert.Equal(("R0A", Organisation.TrustType, "Y62"), catalogue.Resolve("R0A", null) is var m ? (m.Code, m.Type, m.RegionCode) : default);
        }

        Assert.Equal(Trust with { RolledUpFrom = "RGT01" }, catalogue.Resolve("RGT01", null));
    }

    [Fact]
    public void Threads_resolving_many_codes_at_once_each_get_their_own_code()
    {
        var catalogue = Catalogue();

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var code = $"X{i % 9_000:D4}";
            Assert.Equal(code, catalogue.Resolve(code, $"Name {i % 9_000}").Code);
            Assert.Equal($"Name {i % 9_000}", catalogue.Resolve(code, $"Name {i % 9_000}").Name);
        });
    }
}
