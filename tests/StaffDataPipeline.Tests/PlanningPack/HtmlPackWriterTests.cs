using System.Text;
using System.Text.RegularExpressions;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.PlanningPack.Html;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>The pack as one self-contained page: nothing fetched, one SVG per chart with its figures as a table, every text encoded.</summary>
public sealed partial class HtmlPackWriterTests
{
    internal static string Write(PackDocument document)
    {
        using var stream = new MemoryStream();
        new HtmlPackWriter().Write(document, stream);
        return new UTF8Encoding(false, true).GetString(stream.ToArray());
    }

    [Fact]
    public void The_page_fetches_nothing_and_runs_nothing()
    {
        var html = Write(PackSamples.Realistic());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_chart_is_one_labelled_svg_image_followed_by_its_figures_in_a_table()
    {
        var document = PackSamples.Realistic();
        var html = Write(document);
        var charts = document.Sheets.SelectMany(s => s.Blocks.OfType<PackChart>()).ToList();

        var svgs = SvgPattern().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(charts.Count, svgs.Count);
        foreach (var (chart, svg) in charts.Zip(svgs))
        {
            Assert.Contains($"role=\"img\" aria-label=\"{Encode(chart.Title)}\"", svg, StringComparison.Ordinal);
            Assert.Contains($"<title>{Encode(chart.Title)}</title>", svg, StringComparison.Ordinal);
            Assert.Matches("<desc id=\"[^\"]+\">[^<]+</desc>", svg);
            Assert.Contains($">{Encode(chart.CategoryAxisTitle)}</text>", svg, StringComparison.Ordinal);
            Assert.Contains($">{Encode(chart.ValueAxisTitle)}</text>", svg, StringComparison.Ordinal);
            foreach (var category in chart.Categories)
            {
                Assert.Contains($">{category}</text>", svg, StringComparison.Ordinal);
            }

            // The band a hatched polygon, demand dashed, every line's name in the legend.
            var hasBand = chart.Series.Any(s => s.Kind == PackSeriesKind.BandLow);
            Assert.Equal(hasBand, svg.Contains("<polygon class=\"band\"", StringComparison.Ordinal));
            Assert.Equal(chart.Series.Any(s => s.Kind == PackSeriesKind.Demand), svg.Contains("stroke-dasharray=\"9 6\"", StringComparison.Ordinal));
            foreach (var line in chart.Series.Where(s => s.Kind is PackSeriesKind.Line or PackSeriesKind.Demand))
            {
                Assert.Contains($">{Encode(line.Name)}</text>", svg, StringComparison.Ordinal);
            }

            // Then the same figures as a table.
            var after = html[(html.IndexOf(svg, StringComparison.Ordinal) + svg.Length)..];
            var table = after[..(after.IndexOf("</table>", StringComparison.Ordinal) + 8)];
            Assert.Contains($"<caption id=\"chart-", table, StringComparison.Ordinal);
            Assert.Contains(Encode(chart.Title) + "</caption>", table, StringComparison.Ordinal);
            foreach (var series in chart.Series)
            {
                Assert.Contains($"<th scope=\"col\" class=\"num\">{Encode(series.Name)}</th>", table, StringComparison.Ordinal);
            }

            Assert.Equal(chart.Categories.Count, Regex.Count(table, "<th scope=\"row\">"));
            Assert.Contains($"<td class=\"num\">{chart.Series[0].Values[^1]!.Value:0.0}</td>", table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tables_have_captions_column_headers_formats_and_suppressed_counts_as_text()
    {
        var html = Write(PackSamples.Realistic());

        Assert.Contains(">Gap between supply (P50) and demand in 5 and 10 years, FTE</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">Gap 2036 as a share of demand</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">-15.5%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Genomic practitioners</th><td class=\"num\">101</td><td class=\"num\">4.0%</td><td class=\"num\">&lt;5</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2.31</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_is_encoded_and_formula_looking_text_stays_text()
    {
        var html = Write(PackSamples.Realistic());

        Assert.Contains("-12% (ESR FTE below the returns&#39; WTE in post) &amp; &lt;check&gt;", html, StringComparison.Ordinal);
        Assert.Contains("RXX &lt;Example Trust&gt; &amp; RYY", html, StringComparison.Ordinal);
        Assert.Contains("South London (Guy&#39;s GLH)", html, StringComparison.Ordinal);
        Assert.Contains("<td>=SUM(A1:A9)</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<check>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Example", html, StringComparison.Ordinal);
        Assert.Contains("Counts of fewer than 5 people are shown as &lt;5", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contents_list_links_to_every_sheet_section()
    {
        var document = PackSamples.Realistic();
        var html = Write(document);

        for (var s = 0; s < document.Sheets.Count; s++)
        {
            Assert.Contains($"<li><a href=\"#sheet-{s + 1}\">{Encode(document.Sheets[s].Heading)}</a></li>", html, StringComparison.Ordinal);
            Assert.Contains($"<section id=\"sheet-{s + 1}\" aria-labelledby=\"sheet-{s + 1}-heading\">\n<h2 id=\"sheet-{s + 1}-heading\">{Encode(document.Sheets[s].Heading)}</h2>", html, StringComparison.Ordinal);
        }

        // Ids are unique, so each link and each chart's hatch pattern reaches its own target.
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        var document = PackSamples.Realistic();

        Assert.Equal(Write(document), Write(document));
        Assert.Equal(Write(PackSamples.NationalSized()), Write(PackSamples.NationalSized()));
    }

    private static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex SvgPattern();
}
