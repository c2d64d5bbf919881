using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning.Pack;

/// <summary>suppress_below_heads in planning-assumptions.csv: loaded with its source, validated with file and line.</summary>
public sealed class PackSuppressionSettingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_shipped_threshold_is_five_with_its_source_and_a_bad_value_names_the_file_and_line()
    {
        Assert.Equal(5, Reference.Data.PlanningAssumptions.SuppressBelowHeads);
        Assert.StartsWith("NHS Digital suppresses small counts", Reference.Data.PlanningAssumptions.Sources["suppress_below_heads"], StringComparison.Ordinal);
        Assert.Equal(12, Reference.Data.PlanningAssumptions.Sources.Count);

        var folder = _dir.CopyReferenceData();
        var path = Path.Combine(folder, "planning-assumptions.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("suppress_below_heads,5,", "suppress_below_heads,2.5,", StringComparison.Ordinal));

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains("planning-assumptions.csv, line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("suppress_below_heads must be a whole number from 0 to 100; got '2.5'", error.Message, StringComparison.Ordinal);

        File.WriteAllText(path, File.ReadAllText(path).Replace("suppress_below_heads,2.5,", "suppress_below_heads,10,", StringComparison.Ordinal));
        Assert.Equal(10, ReferenceDataLoader.Load(folder).PlanningAssumptions.SuppressBelowHeads);
    }
}
