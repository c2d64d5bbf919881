using System.Globalization;
using System.Text;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack.Html;

/// <summary>
/// The planning pack as one self-contained HTML page, readable offline and printable: the only stylesheet is inline,
/// there is no script, font or image to fetch, and each chart is inline SVG followed by its figures in a table. A
/// contents list links to each sheet's section. Every text is HTML-encoded, and the same document gives the same bytes.
/// </summary>
public sealed class HtmlPackWriter : IPackWriter
{
    public string Extension => ".html";

    public void Write(PackDocument document, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(destination);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode(document.Title)}</title>\n")
            .Append("<style>\n").Append(PackStylesheet.Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#contents\">Skip to contents</a>\n<div class=\"page\">\n<header>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Html.Encode(document.Title)}</h1>\n<p class=\"run\">{Html.Encode(document.RunStatement)}</p>\n</header>\n");

        html.Append("<nav id=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n");
        for (var s = 0; s < document.Sheets.Count; s++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{SectionId(s)}\">{Html.Encode(document.Sheets[s].Heading)}</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n<main>\n");
        var chartNumber = 0;
        var tableNumber = 0;
        for (var s = 0; s < document.Sheets.Count; s++)
        {
            var sheet = document.Sheets[s];
            var id = SectionId(s);
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{Html.Encode(sheet.Heading)}</h2>\n");
            foreach (var block in sheet.Blocks)
            {
                switch (block)
                {
                    case PackText { Kind: PackTextKind.Heading } heading:
                        html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Encode(heading.Text)}</h3>\n");
                        break;
                    case PackText { Kind: PackTextKind.Note } note:
                        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\"><strong>Note:</strong> {Lines(note.Text)}</p>\n");
                        break;
                    case PackText paragraph:
                        html.Append(CultureInfo.InvariantCulture, $"<p>{Lines(paragraph.Text)}</p>\n");
                        break;
                    case PackTable table:
                        Table(html, $"table-{++tableNumber}", table.Title, table.Columns, table.Rows);
                        break;
                    case PackChart chart:
                        Chart(html, chart, $"chart-{++chartNumber}");
                        break;
                }
            }

            html.Append("<p class=\"back\"><a href=\"#contents\">Back to contents</a></p>\n</section>\n");
        }

        html.Append("</main>\n</div>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(false).GetBytes(html.ToString());
        destination.Write(bytes, 0, bytes.Length);
    }

    private static string SectionId(int index) => $"sheet-{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A paragraph's own line breaks kept as &lt;br&gt;.</summary>
    private static string Lines(string text) => Html.Encode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>\n", StringComparison.Ordinal);

    private static void Chart(StringBuilder html, PackChart chart, string id)
    {
        var shape = ChartShape.Of(chart);
        html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{id}\">\n<figcaption>{Html.Encode(chart.Title)}</figcaption>\n");
        SvgChart.Write(html, chart, id);
        html.Append("</figure>\n");
        // The same figures as a table: what a screen reader reads and what a reader copies.
        var format = shape.ValueFormat;
        var columns = new List<PackColumn> { new(chart.CategoryAxisTitle, PackFormat.Text) };
        columns.AddRange(chart.Series.Select(s => new PackColumn(s.Name, format)));
        var rows = new List<IReadOnlyList<PackCell>>();
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var row = new List<PackCell> { PackCell.Of(chart.Categories[c]) };
            row.AddRange(chart.Series.Select((_, s) => PackCell.Of(shape.Value(s, c))));
            rows.Add(row);
        }

        Table(html, id + "-figures", $"Figures for the chart: {chart.Title}", columns, rows);
    }

    private static void Table(StringBuilder html, string id, string caption, IReadOnlyList<PackColumn> columns, IReadOnlyList<IReadOnlyList<PackCell>> rows)
    {
        // A focusable, labelled scrolling box: at 200% zoom a wide table scrolls inside it and the page does not.
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}-caption\" tabindex=\"0\">\n<table id=\"{id}\">\n<caption id=\"{id}-caption\">{Html.Encode(caption)}</caption>\n<thead>\n<tr>");
        foreach (var column in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{(column.Format == PackFormat.Text ? string.Empty : " class=\"num\"")}>{Html.Encode(column.Header)}</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        // The first column names the row (a role, a region, a year) when it is text.
        var rowHeaders = columns.Count > 0 && columns[0].Format == PackFormat.Text;
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = c < row.Count ? row[c] : PackCell.Empty;
                var format = columns[c].Format;
                var text = cell.Number is { } n && double.IsFinite(n) ? PackNumberText.Format(n, format) : cell.Text ?? string.Empty;
                var numeric = format != PackFormat.Text ? " class=\"num\"" : string.Empty;
                html.Append(c == 0 && rowHeaders
                    ? $"<th scope=\"row\">{Html.Encode(text)}</th>"
                    : $"<td{numeric}>{Html.Encode(text)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }
}
