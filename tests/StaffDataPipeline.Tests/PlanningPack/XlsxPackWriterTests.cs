using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.PlanningPack.Xlsx;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>
/// The pack as a workbook, read back with the Open XML SDK: sheets named as given, figures in their formats, text
/// never a formula, and native charts whose series point at the cells holding exactly the chart's figures.
/// </summary>
public sealed class XlsxPackWriterTests
{
    private static readonly XNamespace C = WorkbookReader.C;
    private static readonly XNamespace A = WorkbookReader.A;

    internal static byte[] Write(PackDocument document)
    {
        using var stream = new MemoryStream();
        new XlsxPackWriter().Write(document, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Each_pack_sheet_is_a_worksheet_named_as_given_in_order_with_its_heading_on_top()
    {
        var document = PackSamples.Realistic();
        using var workbook = new WorkbookReader(Write(document));

        Assert.Equal(document.Sheets.Select(s => s.Name), workbook.SheetNames);
        foreach (var sheet in document.Sheets)
        {
            Assert.Equal(sheet.Heading, WorkbookReader.Text(workbook.Cells[sheet.Name]["A1"]));
            Assert.Contains(document.RunStatement, WorkbookReader.Text(workbook.Cells[sheet.Name]["A2"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Table_figures_are_numbers_in_their_columns_formats_and_suppressed_counts_are_text()
    {
        var document = PackSamples.Realistic();
        using var workbook = new WorkbookReader(Write(document));
        var sheet = document.Sheets[1];

        foreach (var table in sheet.Blocks.OfType<PackTable>())
        {
            var caption = workbook.Find(sheet.Name, table.Title);
            var headerRow = Row(caption) + 1;
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = Column(c + 1);
                Assert.Equal(table.Columns[c].Header, WorkbookReader.Text(workbook.Cells[sheet.Name][$"{column}{headerRow}"]));
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    var expected = table.Rows[r][c];
                    var cell = workbook.Cells[sheet.Name][$"{column}{headerRow + 1 + r}"];
                    if (expected.Number is { } number)
                    {
                        Assert.Equal(number, WorkbookReader.Number(cell));
                        Assert.Equal(table.Columns[c].Format switch { PackFormat.Count => "0", PackFormat.Fte => "0.0", PackFormat.Percent => "0.0%", PackFormat.Ratio => "0.00", _ => "General" }, workbook.NumberFormat(cell));
                    }
                    else
                    {
                        Assert.Equal(expected.Text, WorkbookReader.Text(cell));
                    }
                }
            }
        }

        // The suppressed counts are the text "<5", never a number below 5 in a count column.
        var suppressed = workbook.Cells[sheet.Name].Values.Where(c => WorkbookReader.Text(c) == "<5").ToList();
        Assert.NotEmpty(suppressed);
        Assert.DoesNotContain(workbook.Cells[sheet.Name].Values, c => WorkbookReader.Number(c) is < 5 and >= 0 && workbook.NumberFormat(c) == "0");
    }

    [Fact]
    public void Text_that_starts_like_a_formula_is_an_inline_string_marked_with_a_quote_prefix_and_no_cell_is_a_formula()
    {
        using var workbook = new WorkbookReader(Write(PackSamples.Realistic()));

        foreach (var text in new[] { "=SUM(A1:A9)", "@risk: returns older than a year", "-12% (ESR FTE below the returns' WTE in post) & <check>", "+3 points on last year" })
        {
            var cell = workbook.Find("National", text);
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            Assert.True(workbook.Format(cell).QuotePrefix?.Value, $"'{text}' has no quote prefix.");
        }

        Assert.False(workbook.Format(workbook.Find("National", "Organisations reporting")).QuotePrefix?.Value ?? false);
        Assert.DoesNotContain(workbook.AllCells, c => c.CellFormula is not null);
        Assert.DoesNotContain(workbook.AllCells, c => c.DataType?.Value == CellValues.String);
    }

    [Fact]
    public void Every_chart_is_native_and_its_series_point_at_the_cells_holding_exactly_its_figures()
    {
        var document = PackSamples.Realistic();
        using var workbook = new WorkbookReader(Write(document));

        foreach (var sheet in document.Sheets)
        {
            var charts = sheet.Blocks.OfType<PackChart>().ToList();
            Assert.Equal(charts.Count, workbook.Charts[sheet.Name].Count);
            foreach (var (chart, xml) in charts.Zip(workbook.Charts[sheet.Name]))
            {
                Assert.Equal(chart.Title, string.Concat(xml.Root!.Element(C + "chart")!.Element(C + "title")!.Descendants(A + "t").Select(t => t.Value)));
                var series = xml.Descendants(C + "ser").Select(s => new
                {
                    Chart = s.Parent!.Name.LocalName,
                    Name = Resolve(workbook, s.Element(C + "tx")!.Descendants(C + "f").Single().Value).Single(),
                    Categories = Resolve(workbook, s.Element(C + "cat")!.Descendants(C + "f").Single().Value),
                    Values = Resolve(workbook, s.Element(C + "val")!.Descendants(C + "f").Single().Value),
                    Dash = s.Element(C + "spPr")?.Descendants(A + "prstDash").SingleOrDefault()?.Attribute("val")?.Value,
                    Invisible = s.Element(C + "spPr")?.Element(A + "noFill") is not null,
                    Cached = s.Element(C + "val")!.Descendants(C + "pt").Select(p => double.Parse(p.Element(C + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                }).ToList();

                foreach (var s in series)
                {
                    Assert.Equal(chart.Categories, s.Categories.Select(c => WorkbookReader.Text(c!)));
                    Assert.Equal(s.Values.Select(c => c is null ? (double?)null : WorkbookReader.Number(c)).Where(v => v is not null).Select(v => v!.Value), s.Cached);
                }

                var expected = new List<(string Chart, string Name, IReadOnlyList<double?> Values)>();
                var low = chart.Series.FirstOrDefault(x => x.Kind == PackSeriesKind.BandLow);
                var high = chart.Series.FirstOrDefault(x => x.Kind == PackSeriesKind.BandHigh);
                if (low is not null && high is not null)
                {
                    expected.Add(("areaChart", low.Name, low.Values));
                    expected.Add(("areaChart", $"{low.Name} to {high.Name}", [.. low.Values.Zip(high.Values, (l, h) => h - l)]));
                }

                expected.AddRange(chart.Series.Where(x => x.Kind is PackSeriesKind.Line or PackSeriesKind.Demand).Select(x => ("lineChart", x.Name, x.Values)));
                Assert.Equal(expected.Select(e => (e.Chart, e.Name)), series.Select(s => (s.Chart, WorkbookReader.Text(s.Name!)!)));
                foreach (var (e, s) in expected.Zip(series))
                {
                    Assert.Equal(e.Values, s.Values.Select(c => c is null ? null : WorkbookReader.Number(c)));
                }

                // Drawn as described: the band's base invisible and out of the legend, P50 solid, demand dashed.
                if (low is not null)
                {
                    Assert.True(series[0].Invisible);
                    Assert.False(series[1].Invisible);
                    Assert.Equal("0", xml.Descendants(C + "legendEntry").Single().Element(C + "idx")!.Attribute("val")!.Value);
                }

                foreach (var (e, s) in expected.Zip(series).Where(p => p.First.Chart == "lineChart"))
                {
                    var kind = chart.Series.Single(x => x.Name == e.Name).Kind;
                    Assert.Equal(kind == PackSeriesKind.Demand ? "dash" : null, s.Dash);
                }

                var axisTitles = xml.Descendants(C + "plotArea").Elements().Where(e => e.Name.LocalName.EndsWith("Ax", StringComparison.Ordinal))
                    .Select(ax => string.Concat(ax.Element(C + "title")!.Descendants(A + "t").Select(t => t.Value))).ToList();
                Assert.Equal([chart.CategoryAxisTitle, chart.ValueAxisTitle], axisTitles);
                Assert.NotNull(xml.Descendants(C + "legend").SingleOrDefault());
            }
        }
    }

    [Fact]
    public void The_sheet_name_with_an_apostrophe_is_quoted_with_it_doubled_in_the_chart_formulas()
    {
        using var workbook = new WorkbookReader(Write(PackSamples.Realistic()));

        var formulas = workbook.Charts["South London (Guy's)"].SelectMany(x => x.Descendants(C + "f")).Select(f => f.Value).ToList();
        Assert.NotEmpty(formulas);
        Assert.All(formulas, f => Assert.StartsWith("'South London (Guy''s)'!$", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_with_no_time_in_the_package()
    {
        var document = PackSamples.Realistic();
        var first = Write(document);
        var second = Write(document);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_workbook_is_valid_against_the_Office_schema()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(PackSamples.Realistic())), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Columns_are_wide_enough_for_their_headers_and_figures()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(PackSamples.Realistic())), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var columns = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Column>().ToList();

        // Column A holds role names such as "Consultant clinical geneticists" (31 characters).
        Assert.True(columns.Single(c => c.Min!.Value == 1).Width!.Value >= 31);
        Assert.All(columns, c => Assert.True(c.Width!.Value >= 9));
    }

    [Fact]
    public void A_national_sized_pack_writes_in_a_few_seconds()
    {
        var document = PackSamples.NationalSized();
        Write(document);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bytes = Write(document);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Writing took {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.Equal(document.Sheets.Sum(s => s.Blocks.OfType<PackChart>().Count()), new WorkbookReader(bytes).Charts.Values.Sum(c => c.Count));
    }

    private static List<Cell?> Resolve(WorkbookReader workbook, string formula) => workbook.Resolve(formula);

    private static int Row(Cell cell) => int.Parse(new string([.. cell.CellReference!.Value!.SkipWhile(char.IsLetter)]), System.Globalization.CultureInfo.InvariantCulture);

    private static string Column(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : throw new ArgumentOutOfRangeException(nameof(column));
}
