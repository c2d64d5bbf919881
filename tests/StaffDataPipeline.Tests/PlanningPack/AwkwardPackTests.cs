using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>
/// Documents at the edges the builder can produce: no sheets, an empty sheet, gaps in a series, figures below zero,
/// a second band in one chart, a series shorter than its categories, characters XML cannot hold. Both writers lay
/// them out without failing, the workbook stays valid, and gaps stay gaps.
/// </summary>
public sealed class AwkwardPackTests
{
    private static PackDocument Awkward() => new("Pack with \u0001 control character", "Run statement", [
        new PackSheet("Empty", "An empty sheet", []),
        new PackSheet("Gaps", "Gaps and negatives", [
            new PackChart("Gap by year", "Year", "FTE", ["2026", "2027", "2028", "2029"],
            [
                new("Low", [1.5, null, -2.0, 3.0], PackSeriesKind.BandLow),
                new("High", [4.0, null, 1.0, 6.5], PackSeriesKind.BandHigh),
                new("Middle", [2.5, 3.0, null, 4.0], PackSeriesKind.Line),
                new("Second low", [0.5, 0.5, 0.5, 0.5], PackSeriesKind.BandLow),
                new("Second high", [7.0, 7.0, 7.0, 7.0], PackSeriesKind.BandHigh),
                new("Short demand", [5.0], PackSeriesKind.Demand),
            ]),
            new PackChart("One year only", "Year", "People", ["2026"], [new("Count", [3.0], PackSeriesKind.Line)]),
            new PackTable("No rows", [new("Nothing", PackFormat.Count)], []),
        ]),
    ]);

    [Fact]
    public void The_workbook_lays_out_gaps_negatives_and_a_second_band_and_stays_valid()
    {
        var bytes = XlsxPackWriterTests.Write(Awkward());

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => e.Description));
        }

        using var workbook = new WorkbookReader(bytes);
        var chart = workbook.Charts["Gaps"][0];
        var series = chart.Descendants(WorkbookReader.C + "ser").ToList();
        // Band (base and height), then the line, the second band's edges as lines, and demand.
        Assert.Equal(6, series.Count);
        var height = workbook.Resolve(series[1].Element(WorkbookReader.C + "val")!.Descendants(WorkbookReader.C + "f").Single().Value);
        Assert.Equal(new double?[] { 2.5, null, 3.0, 3.5 }, height.Select(c => c is null ? null : WorkbookReader.Number(c)));
        var demand = workbook.Resolve(series[5].Element(WorkbookReader.C + "val")!.Descendants(WorkbookReader.C + "f").Single().Value);
        Assert.Equal(new double?[] { 5.0, null, null, null }, demand.Select(c => c is null ? null : WorkbookReader.Number(c)));
        Assert.Equal("gap", chart.Descendants(WorkbookReader.C + "dispBlanksAs").Single().Attribute("val")!.Value);
        Assert.Single(workbook.Charts["Gaps"][1].Descendants(WorkbookReader.C + "ser"));
    }

    [Fact]
    public void The_page_lays_out_the_same_document_and_breaks_lines_at_gaps()
    {
        using var stream = new MemoryStream();
        new StaffDataPipeline.PlanningPack.Html.HtmlPackWriter().Write(Awkward(), stream);
        var html = new UTF8Encoding(false, true).GetString(stream.ToArray());

        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
        Assert.Contains("Pack with \uFFFD control character", html, StringComparison.Ordinal);
        var first = html[html.IndexOf("<svg", StringComparison.Ordinal)..html.IndexOf("</svg>", StringComparison.Ordinal)];
        // The band has two runs of years (2026 alone, then 2028-2029): one polygon each, none across the gap.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(first, "<polygon class=\"band\""));
        // "Middle" breaks at 2028: one two-year polyline and one dot.
        Assert.Contains("<circle class=\"line\"", first, StringComparison.Ordinal);
        Assert.Contains("Dotted line: Second low.", first, StringComparison.Ordinal);
        Assert.Contains(">-2</text>", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_with_no_sheets_is_still_a_workbook_with_one_sheet_and_a_page()
    {
        var empty = new PackDocument("Empty pack", "Nothing was run.", []);

        using var workbook = new WorkbookReader(XlsxPackWriterTests.Write(empty));
        Assert.Equal(["Pack"], workbook.SheetNames);
        Assert.Contains("</html>", HtmlPackWriterTests.Write(empty), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A name far longer than Excel's limit of 31", "is 42 characters long")]
    [InlineData("North/West", "contains one of")]
    [InlineData("'Quoted'", "starts or ends with an apostrophe")]
    [InlineData("NATIONAL", "is used by another sheet")]
    public void A_sheet_name_Excel_would_refuse_stops_the_workbook_with_a_sentence_naming_it(string name, string reason)
    {
        var document = new PackDocument("Pack", "Run", [new PackSheet("National", "National", []), new PackSheet(name, "The heading", [])]);

        var error = Assert.Throws<ArgumentException>(() => XlsxPackWriterTests.Write(document));
        Assert.Contains($"'{name}' (\"The heading\") {reason}", error.Message, StringComparison.Ordinal);
        Assert.Contains("the pack builder must give it a name Excel accepts", error.Message, StringComparison.Ordinal);
    }
}
