using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// One pack sheet laid out top to bottom: the sheet's heading and the run statement, then each block. A table is a
/// caption, a header row and its rows; a chart is its title, the native chart, then its figures under it (categories
/// down, one column per series); text spans a readable width and wraps.
/// </summary>
internal sealed class XlsxSheetLayout(PackDocument document, PackSheet sheet, XlsxStyles styles)
{
    private const int ChartWidthPixels = 640;
    private const int ChartHeightPixels = 360;
    private const double TextLineCharacters = 95;
    private const double MinimumWidth = 9;

    private readonly List<Row> _rows = [];
    private readonly List<string> _merges = [];
    private readonly Dictionary<int, double> _widths = [];
    private readonly List<(ChartShape Shape, ChartCells Cells, ChartAnchor Anchor)> _charts = [];
    private int _row = 1;
    private int _textColumns = 1;

    /// <summary>Fills the worksheet part and returns the number of the last chart written in the workbook.</summary>
    public int Write(WorksheetPart part, int chartNumber)
    {
        MeasureColumns();
        _textColumns = TextSpan();
        Text(sheet.Heading, new XStyle(XFont.Title), 24);
        Text($"{document.Title}. {document.RunStatement}", new XStyle(XFont.Run, Wrap: true), 15, merge: true);
        _row++;
        PackBlock? previous = null;
        foreach (var block in sheet.Blocks)
        {
            switch (block)
            {
                case PackText { Kind: PackTextKind.Heading } heading:
                    if (previous is not null and not PackText { Kind: PackTextKind.Heading })
                    {
                        _row++;
                    }

                    Text(heading.Text, new XStyle(XFont.Heading), 20);
                    break;
                case PackText { Kind: PackTextKind.Note } note:
                    Text(note.Text, new XStyle(XFont.Note, XFill.Note, Wrap: true), 15, merge: true);
                    break;
                case PackText paragraph:
                    Text(paragraph.Text, new XStyle(XFont.Normal, Wrap: true), 15, merge: true);
                    break;
                case PackTable table:
                    Table(table);
                    break;
                case PackChart chart:
                    Chart(chart, ++chartNumber);
                    break;
            }

            previous = block;
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15 });
        worksheet.Append(Columns());
        var data = new SheetData();
        data.Append(_rows);
        worksheet.Append(data);
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        }

        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        // Printed landscape on A4, as wide as one page, with the pack's title and page numbers in the footer.
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        worksheet.Append(new HeaderFooter(new OddFooter($"&L{FooterText(document.Title)}&RPage &P of &N")));
        // Years and suppressed counts ("<5") are text on purpose: no green "number stored as text" flags on them.
        worksheet.Append(new IgnoredErrors(new IgnoredError { SequenceOfReferences = new ListValue<StringValue>([new StringValue("A1:XFD1048576")]), NumberStoredAsText = true }));
        if (_charts.Count > 0)
        {
            var drawing = part.AddNewPart<DrawingsPart>("rIdDrawing");
            var frames = new List<(ChartAnchor, string)>();
            for (var i = 0; i < _charts.Count; i++)
            {
                var relationship = $"rIdChart{i + 1}";
                var chartPart = drawing.AddNewPart<ChartPart>(relationship);
                using (var content = new MemoryStream(XlsxChartXml.Build(_charts[i].Shape, _charts[i].Cells)))
                {
                    chartPart.FeedData(content);
                }

                frames.Add((_charts[i].Anchor, relationship));
            }

            using (var content = new MemoryStream(XlsxDrawingXml.Build(frames)))
            {
                drawing.FeedData(content);
            }

            worksheet.Append(new Drawing { Id = "rIdDrawing" });
        }

        part.Worksheet = worksheet;
        return chartNumber;
    }

    private void Table(PackTable table)
    {
        _row++;
        Text(table.Title, new XStyle(XFont.Bold), 15);
        var header = NewRow();
        var lines = 1;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            header.Append(TextCell(c + 1, column.Header, new XStyle(XFont.Bold, XFill.Header, HeaderBorder: true, Wrap: true, Right: column.Format != PackFormat.Text)));
            lines = Math.Max(lines, Lines(column.Header, Width(c + 1)));
        }

        Height(header, lines * 15);
        foreach (var cells in table.Rows)
        {
            var row = NewRow();
            var rowLines = 1;
            for (var c = 0; c < table.Columns.Count && c < cells.Count; c++)
            {
                var format = table.Columns[c].Format;
                if (Cell(c + 1, cells[c], format) is { } cell)
                {
                    row.Append(cell);
                }

                if (format == PackFormat.Text && cells[c].Text is { } text)
                {
                    rowLines = Math.Max(rowLines, Lines(text, Width(c + 1)));
                }
            }

            Height(row, rowLines * 15);
        }
    }

    private void Chart(PackChart chart, int number)
    {
        var shape = ChartShape.Of(chart);
        var format = shape.ValueFormat;
        _row++;
        Text(chart.Title, new XStyle(XFont.Bold), 15);
        // The chart first, as wide as a paragraph, and its figures under it: the sheet stays one page wide in print.
        var chartRow = _row;
        _row += (ChartHeightPixels / ChartAnchor.RowPixels) + 1;
        var headerRow = _row;
        var header = NewRow();
        header.Append(TextCell(1, chart.CategoryAxisTitle, new XStyle(XFont.Bold, XFill.Header, HeaderBorder: true, Wrap: true)));
        var columns = new List<int>();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            columns.Add(s + 2);
            header.Append(TextCell(s + 2, chart.Series[s].Name, new XStyle(XFont.Bold, XFill.Header, HeaderBorder: true, Wrap: true, Right: true)));
        }

        int? bandColumn = shape.HasBand ? chart.Series.Count + 2 : null;
        if (bandColumn is { } band)
        {
            header.Append(TextCell(band, shape.BandName, new XStyle(XFont.Bold, XFill.Header, HeaderBorder: true, Wrap: true, Right: true)));
        }

        var lastColumn = bandColumn ?? chart.Series.Count + 1;
        var lines = Enumerable.Range(1, lastColumn).Max(c => Lines(c == 1 ? chart.CategoryAxisTitle : c == bandColumn ? shape.BandName : chart.Series[c - 2].Name, Width(c)));
        Height(header, lines * 15);
        var heights = shape.BandHeights();
        var firstRow = _row;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var row = NewRow();
            row.Append(TextCell(1, chart.Categories[c], new XStyle(XFont.Normal)));
            for (var s = 0; s < chart.Series.Count; s++)
            {
                if (Cell(s + 2, PackCell.Of(shape.Value(s, c)), format) is { } cell)
                {
                    row.Append(cell);
                }
            }

            if (bandColumn is { } b && Cell(b, PackCell.Of(heights[c]), format) is { } height)
            {
                row.Append(height);
            }
        }

        var lastRow = Math.Max(firstRow, _row - 1);
        var cells = new ChartCells(sheet.Name, chart.Categories, 1, headerRow, firstRow, lastRow, columns, bandColumn);
        var description = $"{chart.Title}: a chart of the figures in cells {CellAddress.Of(1, headerRow)} to {CellAddress.Of(lastColumn, lastRow)} under it.";
        var width = Math.Max(ChartWidthPixels, Enumerable.Range(1, _textColumns).Sum(c => ChartAnchor.ColumnPixels(Width(c))));
        var anchor = ChartAnchor.Place(0, chartRow - 1, Math.Min(width, 960), ChartHeightPixels, c => Width(c + 1), $"Chart {number}", description);
        _charts.Add((shape, cells, anchor));
        if (bandColumn is not null)
        {
            var low = chart.Series[shape.BandLow!.Value].Name;
            var high = chart.Series[shape.BandHigh!.Value].Name;
            Text($"The shaded band runs from {low} to {high}. The column \"{shape.BandName}\" holds the band's height ({high} minus {low}), which the chart stacks on {low}; the figures themselves are in the columns {low} and {high}.", new XStyle(XFont.Run, Wrap: true), 13, merge: true);
        }
    }

    private Cell? Cell(int column, PackCell value, PackFormat format)
    {
        if (value.Number is { } number)
        {
            if (!double.IsFinite(number))
            {
                return null;
            }

            var code = PackNumberText.ExcelCode(format);
            var style = new XStyle(XFont.Normal, NumberFormat: code is null ? 0 : XlsxStyles.NumberFormatId(code));
            return new Cell
            {
                CellReference = CellAddress.Of(column, _row - 1),
                StyleIndex = styles.Index(style),
                CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)),
            };
        }

        // Text in a number column (a suppressed "<5") lines up with the numbers.
        return value.Text is { } text ? TextCell(column, text, new XStyle(XFont.Normal, Wrap: format == PackFormat.Text && text.Length > Width(column), Right: format != PackFormat.Text), _row - 1) : null;
    }

    private Cell TextCell(int column, string text, XStyle style, int? row = null)
    {
        text = XmlText.Clean(text);
        if (LooksLikeFormula(text))
        {
            style = style with { QuotePrefix = true };
        }

        var t = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            t.Space = SpaceProcessingModeValues.Preserve;
        }

        return new Cell
        {
            CellReference = CellAddress.Of(column, row ?? _row - 1),
            DataType = CellValues.InlineString,
            StyleIndex = styles.Index(style),
            InlineString = new InlineString(t),
        };
    }

    /// <summary>Text Excel would read as a formula if typed: it is stored as a string all the same, and marked so an edit keeps it one.</summary>
    private static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    private void Text(string text, XStyle style, double height, bool merge = false)
    {
        var row = NewRow();
        row.Append(TextCell(1, text, style));
        if (merge)
        {
            if (_textColumns > 1)
            {
                _merges.Add($"{CellAddress.Of(1, _row - 1)}:{CellAddress.Of(_textColumns, _row - 1)}");
            }

            var width = Enumerable.Range(1, _textColumns).Sum(Width);
            Height(row, Lines(text, width) * height + 3);
        }
        else if (height != 15)
        {
            Height(row, height);
        }
    }

    private Row NewRow()
    {
        var row = new Row { RowIndex = (uint)_row };
        _rows.Add(row);
        _row++;
        return row;
    }

    private static void Height(Row row, double points)
    {
        if (points <= 15)
        {
            return;
        }

        row.Height = points;
        row.CustomHeight = true;
    }

    /// <summary>How many lines a text takes in a wrapped cell <paramref name="width"/> characters wide (a little generously: clipped text is worse than a spare line).</summary>
    private static int Lines(string text, double width)
    {
        var perLine = Math.Max(1, (int)(width * 1.05) - 1);
        return text.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Length / (double)perLine)));
    }

    private double Width(int column) => _widths.TryGetValue(column, out var width) ? width : 10;

    /// <summary>
    /// Columns wide enough for their figures, with headers wrapping onto two or three lines and long text wrapping in
    /// its cell: every block shares the sheet's columns, so no one long sentence may widen a column the others use.
    /// </summary>
    private void MeasureColumns()
    {
        foreach (var block in sheet.Blocks)
        {
            switch (block)
            {
                case PackTable table:
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var column = table.Columns[c];
                        var longest = table.Rows.Where(r => c < r.Count).Select(r => Shown(r[c], column.Format).Length).DefaultIfEmpty(0).Max();
                        Widen(c + 1, column.Format == PackFormat.Text ? Math.Max(longest, HeaderWidth(column.Header)) + 2 : Math.Max(longest + 2, HeaderWidth(column.Header)) + 1, column.Format != PackFormat.Text ? 18 : c == 0 ? 34 : 36);
                    }

                    break;
                case PackChart chart:
                    var shape = ChartShape.Of(chart);
                    Widen(1, Math.Max(HeaderWidth(chart.CategoryAxisTitle), chart.Categories.Select(c => c.Length).DefaultIfEmpty(0).Max()) + 2, 40);
                    for (var s = 0; s < chart.Series.Count; s++)
                    {
                        Widen(s + 2, HeaderWidth(chart.Series[s].Name) + 1, 18);
                    }

                    if (shape.HasBand)
                    {
                        Widen(chart.Series.Count + 2, HeaderWidth(shape.BandName) + 1, 18);
                    }

                    break;
            }
        }
    }

    /// <summary>A header's width on at most three lines, and at least its longest word.</summary>
    private static double HeaderWidth(string header) =>
        Math.Max(header.Split(' ').Max(w => w.Length), Math.Ceiling(header.Length / (header.Length > 24 ? 3.0 : header.Length > 12 ? 2.0 : 1.0))) + 2;

    private static string Shown(PackCell cell, PackFormat format) =>
        cell.Number is { } n ? PackNumberText.Format(n, format) : cell.Text ?? string.Empty;

    private void Widen(int column, double width, double cap)
    {
        width = Math.Clamp(width, MinimumWidth, cap);
        if (!_widths.TryGetValue(column, out var current) || current < width)
        {
            _widths[column] = width;
        }
    }

    /// <summary>How many columns a paragraph spans: enough for about <see cref="TextLineCharacters"/> characters a line.</summary>
    private int TextSpan()
    {
        var columns = 0;
        var width = 0.0;
        while (width < TextLineCharacters)
        {
            columns++;
            width += Width(columns);
        }

        return columns;
    }

    private Columns Columns()
    {
        var last = Math.Max(_textColumns, _widths.Count == 0 ? 1 : _widths.Keys.Max());
        foreach (var (_, _, anchor) in _charts)
        {
            last = Math.Max(last, anchor.ToColumn + 1);
        }

        var columns = new Columns();
        for (var c = 1; c <= last; c++)
        {
            columns.Append(new Column { Min = (uint)c, Max = (uint)c, Width = Width(c), CustomWidth = true });
        }

        return columns;
    }

    /// <summary>An Excel header/footer treats "&amp;" as a code: a literal one is doubled.</summary>
    private static string FooterText(string text) => XmlText.Clean(text).Replace("&", "&&", StringComparison.Ordinal);
}
