using StaffDataPipeline.Hosting.Reports;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Reports;

public sealed class LoadReportPrinterTests
{
    [Fact]
    public void A_long_list_of_codes_names_the_first_few_says_how_many_more_and_where_the_rest_are()
    {
        var codes = Enumerable.Range(1, 200).Select(i => $"X{i:D3}").ToList();
        var report = new FileLoadReport("national.csv", FileLoadStatus.Loaded, new BatchCounts(), TimeSpan.FromSeconds(1))
        {
            BatchId = 1,
            UnknownOrganisations = codes,
            UnknownGrades = ["Band 9b"],
            RolledUpSites = [.. codes.Take(12).Select(c => $"{c}01 → {c}")],
        };
        var output = new StringWriter();

        LoadReportPrinter.Print(output, [report], dryRun: false);

        var lines = output.ToString().Split('\n');
        var organisations = Assert.Single(lines, l => l.Contains("not in organisations.csv", StringComparison.Ordinal));
        Assert.StartsWith("    200 organisation codes not in organisations.csv", organisations, StringComparison.Ordinal);
        Assert.Contains("`staffdata unmapped` lists them all", organisations, StringComparison.Ordinal);
        Assert.EndsWith("X001, X002, X003, X004, X005, X006, X007, X008, X009, X010, X011, X012 and 188 more", organisations.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.DoesNotContain("X013", organisations, StringComparison.Ordinal);

        // One is "a grade"; twelve are shown whole.
        Assert.Contains(lines, l => l.StartsWith("    1 grade not in grades.csv", StringComparison.Ordinal) && l.TrimEnd('\r').EndsWith(": Band 9b", StringComparison.Ordinal));
        var sites = Assert.Single(lines, l => l.Contains("recorded against their trust", StringComparison.Ordinal));
        Assert.EndsWith("X012", sites.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.DoesNotContain("more", sites, StringComparison.Ordinal);
    }
}
