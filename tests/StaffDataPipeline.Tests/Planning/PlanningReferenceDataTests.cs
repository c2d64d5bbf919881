using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>The plan's assumption register is reference data the workforce team edits: every mistake names the file and line.</summary>
public sealed class PlanningReferenceDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_shipped_routes_load_each_with_its_source_and_the_version_names_both_files()
    {
        var planning = Reference.Data.PlanningAssumptions;

        Assert.Equal(["GC-TRAIN", "HSST", "STP-BIOINF", "STP-GC", "STP-GEN", "STR-CG"], planning.Routes.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(planning.Routes, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.Equal(4, planning.Routes.Single(r => r.Code == "STR-CG").Years);
        Assert.Equal(20, planning.OrganisationThresholdHeads);
        Assert.Equal(1000, planning.Runs);
        Assert.Matches("^P\\.[0-9a-f]{8}$", planning.Version);
    }

    [Fact]
    public void Editing_a_route_changes_the_assumptions_version()
    {
        var folder = _dir.CopyReferenceData();
        var before = ReferenceDataLoader.Load(folder).PlanningAssumptions.Version;
        File.AppendAllText(Path.Combine(folder, "training-pipelines.csv"), "NEW-ROUTE,New,GEN-PRACT,GEN-NURSE,2,0.1,0.9,0.9,0.9,10,a test\n");

        var after = ReferenceDataLoader.Load(folder).PlanningAssumptions;

        Assert.NotEqual(before, after.Version);
        Assert.Equal(10, after.Routes.Single(r => r.Code == "NEW-ROUTE").CommissionsPerYear);
    }

    [Fact]
    public void A_folder_without_the_plan_files_still_loads_with_no_routes()
    {
        var folder = _dir.CopyReferenceData();
        File.Delete(Path.Combine(folder, "training-pipelines.csv"));
        File.Delete(Path.Combine(folder, "planning-assumptions.csv"));

        Assert.Empty(ReferenceDataLoader.Load(folder).PlanningAssumptions.Routes);
    }

    [Fact]
    public void A_setting_that_is_not_a_number_in_range_names_the_file_and_line()
    {
        var folder = _dir.CopyReferenceData();
        var path = Path.Combine(folder, "planning-assumptions.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("runs,1000,", "runs,lots,", StringComparison.Ordinal));

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains("planning-assumptions.csv, line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs must be a whole number from 1 to 100000; got 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training-pipelines.csv", "X-1,x,NO-SUCH,GC,3,0.1,0.9,0.9,0.9,,s", "trainee_role 'NO-SUCH' is not a genomics role in roles.csv")]
    [InlineData("training-pipelines.csv", "X-1,x,GC-TRAINEE,GC,2.5,0.1,0.9,0.9,0.9,,s", "training_years must be a whole number of years from 1 to 10")]
    [InlineData("training-pipelines.csv", "X-1,x,GC-TRAINEE,GC,3,1.5,0.9,0.9,0.9,,s", "annual_attrition must be a share from 0 to 1")]
    [InlineData("training-pipelines.csv", "X-1,x,GC-TRAINEE,GC,3,0.1,0.9,0.9,0.9,many,s", "commissions_per_year must be blank")]
    [InlineData("training-pipelines.csv", "X-1,x,GC-TRAINEE,GC,3,0.1,0.9,0.9,0.9,,", "source is blank")]
    [InlineData("training-pipelines.csv", "STP-GC,x,GC-TRAINEE,GC,3,0.1,0.9,0.9,0.9,,s", "route_code 'STP-GC' appears twice")]
    [InlineData("training-pipelines.csv", "X-1,x,GC,GC,3,0.1,0.9,0.9,0.9,,s", "trainees must qualify into another role")]
    [InlineData("training-pipelines.csv", "X-1,x,GC-TRAINEE,GC,3,0.1,0.9,0.9,0.9,,s,band 7", "trainee_grades 'band 7' is not a grade code as in grades.csv")]
    [InlineData("planning-assumptions.csv", "speed,1,s", "'speed' is not an assumption this program knows")]
    [InlineData("planning-assumptions.csv", "horizon_years,12,s", "assumption 'horizon_years' is listed twice")]
    public void Mistakes_name_the_file_and_line(string file, string line, string expected)
    {
        var folder = _dir.CopyReferenceData();
        File.AppendAllText(Path.Combine(folder, file), line + "\n");

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains($"{file}, line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
