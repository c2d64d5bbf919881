using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The exclusions' place patterns are first scanned for all at once, as one alternation (FieldDecisions.Places). A
/// pattern the workforce team writes may not survive being joined: free spacing with a comment would swallow the
/// alternatives after it, and a back-reference would point at another pattern's group. Such exclusions must load and
/// decide exactly as they read alone, in a load and in `explain`.
/// </summary>
public sealed class ExclusionPlacePrefilterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Exclusions() => new()
    {
        { "(?x) \\b zz \\s+ annexe \\b   # the ZZ annexe, free-spaced with a comment", "ZZ Annexe" },
        { "(?i)\\bQQ WING\\b", "qq wing" },
        { "\\b(\\w+) \\1 unit\\b", "Kestrel Kestrel Unit" },
        { "\\b(\\w+) \\<1> ward\\b", "Osprey Osprey Ward" },
        { "\\b(\\w+) \\'1' block\\b", "Heron Heron Block" },
        { "(?(?=yy)yy block|never)", "yy block" },
    };

    [Theory]
    [MemberData(nameof(Exclusions))]
    public void An_exclusion_that_cannot_be_joined_decides_as_it_reads_alone(string place, string area)
    {
        var folder = _dir.CopyReferenceData();
        File.AppendAllText(Path.Combine(folder, "scope-exclusions.csv"), $"EX-99,\"{place.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,,\"a place only this test names\"\n");
        var mapper = ReferenceDataLoader.Load(folder).Mapper;
        var shipped = Reference.Fresh().Mapper;

        var there = new MappingInput("Genetic Counsellor", "Additional Professional Scientific and Technical", null, area, null, "123 " + area, "Band 7");
        var elsewhere = there with { AreaOfWork = "Clinical Genetics", CostCentre = "456 Clinical Genetics" };

        Assert.Equal("EX-99", mapper.Map(there).RuleId);
        Assert.Equal("EX-99", mapper.Explain(there).Decision.RuleId);
        Assert.Null(mapper.MapInScope(there));
        Assert.Equal(shipped.Map(elsewhere), mapper.Map(elsewhere));
        Assert.Equal(shipped.Explain(elsewhere).Decision, mapper.Explain(elsewhere).Decision);
        Assert.Equal(shipped.MapInScope(elsewhere), mapper.MapInScope(elsewhere));
    }
}
