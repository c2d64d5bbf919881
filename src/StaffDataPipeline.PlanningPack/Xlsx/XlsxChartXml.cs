using System.Globalization;
using System.Text;
using System.Xml;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// A pack chart as a native Excel chart part (c:chartSpace) whose series read the figures written on the sheet, so a
/// reader can restyle it, and an edit to a cell moves the line.
/// <para>
/// The P10–P90 band is a stacked area pair: an invisible area up to P10 with the band's height (P90 − P10) stacked on
/// it and filled. Of the ways Excel can shade a range this is the one that draws a continuous band between two
/// lines; up/down bars and high-low lines draw a bar or a stroke per year instead, and a white area masking under P10
/// would hide the gridlines and break as soon as a reader changes the plot's background. The cost is one helper
/// column of band heights beside the figures (labelled as such); the invisible P10 is left out of the legend.
/// P50 and scenario lines are solid lines (scenarios also differ by marker shape), demand a dashed line, on the same
/// axes as the band.
/// </para>
/// </summary>
internal static class XlsxChartXml
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int CategoryAxisId = 50010;
    private const int ValueAxisId = 50020;

    // Colours chosen for contrast on white (≥ 3:1 for lines, as WCAG asks of graphics) and to stay apart for the
    // common colour vision deficiencies; the line style (solid, dashed, markers) also tells them apart.
    public const string BandFill = "6BAED6";
    public const string MedianLine = "08519C";
    public const string DemandLine = "A63603";
    public static readonly string[] ScenarioLines = ["08519C", "A63603", "00704F", "7A3E8E", "333333", "8A6D00"];
    private static readonly string[] Markers = ["circle", "square", "triangle", "diamond", "x", "star"];

    public static byte[] Build(ChartShape shape, ChartCells cells)
    {
        var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            Write(w, shape, cells);
        }

        return buffer.ToArray();
    }

    private static void Write(XmlWriter w, ChartShape shape, ChartCells cells)
    {
        var chart = shape.Chart;
        var formatCode = PackNumberText.ExcelCode(shape.ValueFormat)!;
        w.WriteStartDocument(true);
        w.WriteStartElement("c", "chartSpace", C);
        w.WriteAttributeString("xmlns", "a", null, A);
        w.WriteAttributeString("xmlns", "r", null, R);
        Val(w, "date1904", "0");
        Val(w, "lang", "en-GB");
        Val(w, "roundedCorners", "0");
        w.WriteStartElement("chart", C);
        Title(w, chart.Title, 1400, bold: true, rotated: false);
        Val(w, "autoTitleDeleted", "0");
        w.WriteStartElement("plotArea", C);
        w.WriteElementString("layout", C, string.Empty);
        var order = 0;
        if (shape.HasBand)
        {
            w.WriteStartElement("areaChart", C);
            Val(w, "grouping", "stacked");
            Val(w, "varyColors", "0");
            var low = shape.BandLow!.Value;
            AreaSeries(w, order++, cells, cells.SeriesColumns[low], chart.Series[low].Name, chart.Series[low].Values, formatCode, fill: null);
            AreaSeries(w, order++, cells, cells.BandHeightColumn!.Value, shape.BandName, shape.BandHeights(), formatCode, fill: BandFill);
            Val(w, "axId", CategoryAxisId.ToString(CultureInfo.InvariantCulture));
            Val(w, "axId", ValueAxisId.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }

        if (shape.Lines.Count > 0)
        {
            w.WriteStartElement("lineChart", C);
            Val(w, "grouping", "standard");
            Val(w, "varyColors", "0");
            var solidLines = shape.Lines.Count(i => chart.Series[i].Kind == PackSeriesKind.Line);
            var lineNumber = 0;
            foreach (var i in shape.Lines)
            {
                var series = chart.Series[i];
                var style = series.Kind switch
                {
                    PackSeriesKind.Demand => new LineStyle(DemandLine, 28575, "dash", null),
                    PackSeriesKind.Line when solidLines == 1 => new LineStyle(MedianLine, 34925, null, null),
                    PackSeriesKind.Line => new LineStyle(ScenarioLines[lineNumber % ScenarioLines.Length], 28575, null, Markers[lineNumber % Markers.Length]),
                    // An edge of a second band: a thin dotted line in the band's colour.
                    _ => new LineStyle("2171B5", 15875, "sysDot", null),
                };
                if (series.Kind == PackSeriesKind.Line)
                {
                    lineNumber++;
                }

                LineSeries(w, order++, cells, cells.SeriesColumns[i], series.Name, series.Values, formatCode, style);
            }

            Val(w, "marker", "1");
            Val(w, "axId", CategoryAxisId.ToString(CultureInfo.InvariantCulture));
            Val(w, "axId", ValueAxisId.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }

        CategoryAxis(w, chart.CategoryAxisTitle);
        ValueAxis(w, chart.ValueAxisTitle);
        w.WriteEndElement(); // plotArea
        w.WriteStartElement("legend", C);
        Val(w, "legendPos", "b");
        if (shape.HasBand)
        {
            // The invisible base of the band (series 0) has nothing to show in a legend.
            w.WriteStartElement("legendEntry", C);
            Val(w, "idx", "0");
            Val(w, "delete", "1");
            w.WriteEndElement();
        }

        Val(w, "overlay", "0");
        TextProperties(w, 1000, bold: false);
        w.WriteEndElement(); // legend
        Val(w, "plotVisOnly", "1");
        Val(w, "dispBlanksAs", "gap");
        w.WriteEndElement(); // chart
        w.WriteStartElement("spPr", C);
        Solid(w, "FFFFFF");
        w.WriteStartElement("ln", A);
        Solid(w, "BFBFBF");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement(); // chartSpace
        w.WriteEndDocument();
    }

    private sealed record LineStyle(string Colour, int Width, string? Dash, string? Marker);

    private static void AreaSeries(XmlWriter w, int order, ChartCells cells, int column, string name, IReadOnlyList<double?> values, string formatCode, string? fill)
    {
        w.WriteStartElement("ser", C);
        Val(w, "idx", order.ToString(CultureInfo.InvariantCulture));
        Val(w, "order", order.ToString(CultureInfo.InvariantCulture));
        SeriesName(w, cells, column, name);
        w.WriteStartElement("spPr", C);
        if (fill is null)
        {
            w.WriteElementString("noFill", A, string.Empty);
        }
        else
        {
            // Half transparent, so gridlines and the lines drawn over it stay visible.
            w.WriteStartElement("solidFill", A);
            w.WriteStartElement("srgbClr", A);
            w.WriteAttributeString("val", fill);
            w.WriteStartElement("alpha", A);
            w.WriteAttributeString("val", "55000");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("ln", A);
        w.WriteElementString("noFill", A, string.Empty);
        w.WriteEndElement();
        w.WriteEndElement(); // spPr
        CategoriesAndValues(w, cells, column, values, formatCode);
        w.WriteEndElement();
    }

    private static void LineSeries(XmlWriter w, int order, ChartCells cells, int column, string name, IReadOnlyList<double?> values, string formatCode, LineStyle style)
    {
        w.WriteStartElement("ser", C);
        Val(w, "idx", order.ToString(CultureInfo.InvariantCulture));
        Val(w, "order", order.ToString(CultureInfo.InvariantCulture));
        SeriesName(w, cells, column, name);
        w.WriteStartElement("spPr", C);
        Line(w, style.Colour, style.Width, style.Dash);
        w.WriteEndElement();
        w.WriteStartElement("marker", C);
        if (style.Marker is null)
        {
            Val(w, "symbol", "none");
        }
        else
        {
            Val(w, "symbol", style.Marker);
            Val(w, "size", "6");
            w.WriteStartElement("spPr", C);
            Solid(w, style.Colour);
            Line(w, style.Colour, 9525, null);
            w.WriteEndElement();
        }

        w.WriteEndElement(); // marker
        CategoriesAndValues(w, cells, column, values, formatCode);
        Val(w, "smooth", "0");
        w.WriteEndElement();
    }

    private static void SeriesName(XmlWriter w, ChartCells cells, int column, string name)
    {
        w.WriteStartElement("tx", C);
        w.WriteStartElement("strRef", C);
        w.WriteElementString("f", C, cells.Name(column));
        StringCache(w, [name]);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void StringCache(XmlWriter w, IReadOnlyList<string> texts)
    {
        w.WriteStartElement("strCache", C);
        Val(w, "ptCount", texts.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < texts.Count; i++)
        {
            w.WriteStartElement("pt", C);
            w.WriteAttributeString("idx", i.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("v", C, XmlText.Clean(texts[i]));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void CategoriesAndValues(XmlWriter w, ChartCells cells, int column, IReadOnlyList<double?> values, string formatCode)
    {
        var count = cells.LastRow - cells.FirstRow + 1;
        w.WriteStartElement("cat", C);
        w.WriteStartElement("strRef", C);
        w.WriteElementString("f", C, cells.Categories);
        StringCache(w, cells.CategoryLabels);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("val", C);
        w.WriteStartElement("numRef", C);
        w.WriteElementString("f", C, cells.Values(column));
        // The cached values, so a reader that does not recalculate (a viewer, a preview) still draws the chart.
        w.WriteStartElement("numCache", C);
        w.WriteElementString("formatCode", C, formatCode);
        Val(w, "ptCount", count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < count && i < values.Count; i++)
        {
            if (values[i] is { } v && double.IsFinite(v))
            {
                w.WriteStartElement("pt", C);
                w.WriteAttributeString("idx", i.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("v", C, v.ToString("R", CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
        }

        w.WriteEndElement(); // numCache
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void CategoryAxis(XmlWriter w, string title)
    {
        w.WriteStartElement("catAx", C);
        Val(w, "axId", CategoryAxisId.ToString(CultureInfo.InvariantCulture));
        Scaling(w);
        Val(w, "delete", "0");
        Val(w, "axPos", "b");
        Title(w, title, 1000, bold: false, rotated: false);
        Val(w, "majorTickMark", "out");
        Val(w, "minorTickMark", "none");
        // "low": the year labels stay under the plot even when a gap chart goes below zero.
        Val(w, "tickLblPos", "low");
        AxisLine(w);
        TextProperties(w, 1000, bold: false);
        Val(w, "crossAx", ValueAxisId.ToString(CultureInfo.InvariantCulture));
        Val(w, "crosses", "autoZero");
        Val(w, "auto", "1");
        Val(w, "lblAlgn", "ctr");
        Val(w, "lblOffset", "100");
        Val(w, "noMultiLvlLbl", "0");
        w.WriteEndElement();
    }

    private static void ValueAxis(XmlWriter w, string title)
    {
        w.WriteStartElement("valAx", C);
        Val(w, "axId", ValueAxisId.ToString(CultureInfo.InvariantCulture));
        Scaling(w);
        Val(w, "delete", "0");
        Val(w, "axPos", "l");
        w.WriteStartElement("majorGridlines", C);
        w.WriteStartElement("spPr", C);
        Line(w, "D9D9D9", 9525, null);
        w.WriteEndElement();
        w.WriteEndElement();
        Title(w, title, 1000, bold: false, rotated: true);
        // "General": the axis shows 100, 200, … without the figures' decimal place.
        w.WriteStartElement("numFmt", C);
        w.WriteAttributeString("formatCode", "General");
        w.WriteAttributeString("sourceLinked", "0");
        w.WriteEndElement();
        Val(w, "majorTickMark", "out");
        Val(w, "minorTickMark", "none");
        Val(w, "tickLblPos", "nextTo");
        AxisLine(w);
        TextProperties(w, 1000, bold: false);
        Val(w, "crossAx", CategoryAxisId.ToString(CultureInfo.InvariantCulture));
        Val(w, "crosses", "autoZero");
        // midCat: each year sits on its tick, so the band and the lines start and end at the first and last year.
        Val(w, "crossBetween", "midCat");
        w.WriteEndElement();
    }

    private static void Scaling(XmlWriter w)
    {
        w.WriteStartElement("scaling", C);
        Val(w, "orientation", "minMax");
        w.WriteEndElement();
    }

    private static void AxisLine(XmlWriter w)
    {
        w.WriteStartElement("spPr", C);
        Line(w, "595959", 9525, null);
        w.WriteEndElement();
    }

    private static void Title(XmlWriter w, string text, int size, bool bold, bool rotated)
    {
        w.WriteStartElement("title", C);
        w.WriteStartElement("tx", C);
        w.WriteStartElement("rich", C);
        w.WriteStartElement("bodyPr", A);
        if (rotated)
        {
            w.WriteAttributeString("rot", "-5400000");
            w.WriteAttributeString("vert", "horz");
        }

        w.WriteEndElement();
        w.WriteElementString("lstStyle", A, string.Empty);
        w.WriteStartElement("p", A);
        w.WriteStartElement("pPr", A);
        RunProperties(w, "defRPr", size, bold);
        w.WriteEndElement();
        w.WriteStartElement("r", A);
        RunProperties(w, "rPr", size, bold);
        w.WriteElementString("t", A, XmlText.Clean(text));
        w.WriteEndElement();
        w.WriteEndElement(); // p
        w.WriteEndElement(); // rich
        w.WriteEndElement(); // tx
        Val(w, "overlay", "0");
        w.WriteEndElement();
    }

    private static void TextProperties(XmlWriter w, int size, bool bold)
    {
        w.WriteStartElement("txPr", C);
        w.WriteElementString("bodyPr", A, string.Empty);
        w.WriteElementString("lstStyle", A, string.Empty);
        w.WriteStartElement("p", A);
        w.WriteStartElement("pPr", A);
        RunProperties(w, "defRPr", size, bold);
        w.WriteEndElement();
        w.WriteStartElement("endParaRPr", A);
        w.WriteAttributeString("lang", "en-GB");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void RunProperties(XmlWriter w, string element, int size, bool bold)
    {
        w.WriteStartElement(element, A);
        if (element == "rPr")
        {
            w.WriteAttributeString("lang", "en-GB");
        }

        w.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("b", bold ? "1" : "0");
        Solid(w, "262626");
        w.WriteEndElement();
    }

    private static void Line(XmlWriter w, string colour, int width, string? dash)
    {
        w.WriteStartElement("ln", A);
        w.WriteAttributeString("w", width.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("cap", "rnd");
        Solid(w, colour);
        if (dash is not null)
        {
            w.WriteStartElement("prstDash", A);
            w.WriteAttributeString("val", dash);
            w.WriteEndElement();
        }

        w.WriteElementString("round", A, string.Empty);
        w.WriteEndElement();
    }

    private static void Solid(XmlWriter w, string colour)
    {
        w.WriteStartElement("solidFill", A);
        w.WriteStartElement("srgbClr", A);
        w.WriteAttributeString("val", colour);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Val(XmlWriter w, string element, string value)
    {
        w.WriteStartElement(element, C);
        w.WriteAttributeString("val", value);
        w.WriteEndElement();
    }
}
