using StaffDataPipeline.Hosting.Reports;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Reports;

public sealed class LoadReportPrinterTests
{
    private static readonly List<string> Codes = [.. Enumerable.Range(1, 200).Select(i => $"X{i:D3}")];

    [Fact]
    public void A_loaded_file_names_the_first_dozen_unknown_organisations_and_the_command_that_lists_them_all()
    {
        var lines = Print(FileLoadStatus.Loaded, dryRun: false);

        var organisations = Assert.Single(lines, l => l.Contains("not in organisations.csv", StringComparison.Ordinal));
        Assert.Equal(
            "    200 organisation codes not in organisations.csv, loaded as Unknown: X001, X002, X003, X004, X005, X006, X007, X008, X009, X010, X011, X012 and 188 more (`staffdata unmapped` lists them all with their names)",
            organisations);
        Assert.DoesNotContain(lines, l => l.Contains("X013,", StringComparison.Ordinal) || l.EndsWith("X200", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FileLoadStatus.Valid, true)]
    [InlineData(FileLoadStatus.Rejected, false)]
    public void A_file_not_loaded_lists_every_unknown_organisation_a_dozen_to_a_line_as_nothing_else_will(FileLoadStatus status, bool dryRun)
    {
        var lines = Print(status, dryRun);

        var first = lines.FindIndex(l => l.Contains("200 organisation codes not in organisations.csv", StringComparison.Ordinal));
        Assert.Contains(status == FileLoadStatus.Valid ? "(would be Unknown)" : "(would have been Unknown)", lines[first], StringComparison.Ordinal);
        Assert.EndsWith(": X001, X002, X003, X004, X005, X006, X007, X008, X009, X010, X011, X012,", lines[first], StringComparison.Ordinal);
        Assert.Equal("      X013, X014, X015, X016, X017, X018, X019, X020, X021, X022, X023, X024,", lines[first + 1]);
        Assert.Equal("      X193, X194, X195, X196, X197, X198, X199, X200", lines[first + 16]);
        Assert.All(Codes, code => Assert.Contains(lines, l => l.Contains(code, StringComparison.Ordinal)));
    }

    [Fact]
    public void Grades_and_rolled_up_sites_are_listed_whole_since_no_command_lists_them()
    {
        var lines = Print(FileLoadStatus.Loaded, dryRun: false);

        Assert.Contains("    1 grade not in grades.csv (graded Unknown; add each as an alias or ESR grade code there, then `staffdata remap`): Band 9b", lines);
        var sites = lines.FindIndex(l => l.Contains("13 site codes recorded against their trust", StringComparison.Ordinal));
        Assert.EndsWith("X01201 → X012,", lines[sites], StringComparison.Ordinal);
        Assert.Equal("      X01301 → X013", lines[sites + 1]);
    }

    [Fact]
    public void A_loaded_file_with_a_few_unknown_organisations_lists_them_and_points_to_the_review_queue()
    {
        var output = new StringWriter();
        LoadReportPrinter.Print(output, [new FileLoadReport("rrk.csv", FileLoadStatus.Loaded, new BatchCounts(), TimeSpan.FromSeconds(1)) { BatchId = 1, UnknownOrganisations = ["RRK"] }], dryRun: false);

        Assert.Contains("    1 organisation code not in organisations.csv, loaded as Unknown (`staffdata unmapped` lists them with their names): RRK", output.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Print(FileLoadStatus status, bool dryRun)
    {
        var report = new FileLoadReport("national.csv", status, new BatchCounts(), TimeSpan.FromSeconds(1))
        {
            BatchId = status == FileLoadStatus.Valid ? null : 1,
            UnknownOrganisations = Codes,
            UnknownGrades = ["Band 9b"],
            RolledUpSites = [.. Codes.Take(13).Select(c => $"{c}01 → {c}")],
        };
        var output = new StringWriter();
        LoadReportPrinter.Print(output, [report], dryRun);
        return [.. output.ToString().Split('\n').Select(l => l.TrimEnd('\r'))];
    }
}
