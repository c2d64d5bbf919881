using System.Globalization;
using System.Text;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack.Html;

/// <summary>
/// A pack chart as inline SVG: the P10–P90 band a hatched, filled polygon with its edges drawn, P50 (or each
/// scenario) a solid line (scenarios also carry a marker shape each), demand a dashed line, so no series is told apart
/// by colour alone. Axes carry labelled ticks and titles; the legend is drawn under the plot with the same swatches.
/// The chart is an image with a name (aria-label, title) and a description; its figures follow it in a table.
/// </summary>
internal static class SvgChart
{
    private const double Width = 760;
    private const double Left = 84;
    private const double Right = 24;
    private const double Top = 16;
    private const double PlotHeight = 280;
    private const double LegendRow = 28;
    private const string BandFill = "#c6dbef";
    private const string BandEdge = "#2171b5";
    private const string Median = "#08519c";
    private const string Demand = "#a63603";
    private static readonly string[] Scenarios = ["#08519c", "#a63603", "#00704f", "#7a3e8e", "#333333", "#8a6d00"];

    public static void Write(StringBuilder html, PackChart chart, string id)
    {
        var shape = ChartShape.Of(chart);
        var styles = Styles(shape);
        var (min, max, step) = Scale(chart);
        var n = chart.Categories.Count;
        var plotWidth = Width - Left - Right;
        double X(int i) => n <= 1 ? Left + (plotWidth / 2) : Left + (plotWidth * i / (n - 1));
        double Y(double v) => Top + PlotHeight - ((v - min) / (max - min) * PlotHeight);

        var legend = LegendItems(shape, styles);
        var legendRows = LayOutLegend(legend);
        var height = Top + PlotHeight + 62 + (legendRows.Count * LegendRow) + 6;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {F(Width)} {F(height)}\" role=\"img\" aria-label=\"{Html.Encode(chart.Title)}\" aria-describedby=\"{id}-desc\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode(chart.Title)}</title>\n<desc id=\"{id}-desc\">{Html.Encode(Description(shape))}</desc>\n");
        html.Append(CultureInfo.InvariantCulture, $"<defs><pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"{BandFill}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"{BandEdge}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/></pattern></defs>\n");

        // Gridlines and value ticks.
        html.Append("<g class=\"grid\" stroke=\"#d9d9d9\" stroke-width=\"1\">");
        var decimals = step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
        var ticks = new StringBuilder();
        var steps = (int)Math.Round((max - min) / step);
        for (var k = 0; k <= steps; k++)
        {
            var v = min + (k * step);
            var y = Y(v);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(Width - Right)}\" y2=\"{F(y)}\"/>");
            ticks.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 8)}\" y=\"{F(y + 5)}\" text-anchor=\"end\">{Html.Encode(Tick(v, decimals))}</text>");
        }

        html.Append("</g>\n<g class=\"ticks\" font-size=\"15\">").Append(ticks).Append("</g>\n");

        // The band: one polygon per run of years where both edges have a value.
        if (shape.HasBand)
        {
            foreach (var run in Runs(n, c => shape.Value(shape.BandLow!.Value, c) is not null && shape.Value(shape.BandHigh!.Value, c) is not null))
            {
                var points = new List<string>();
                points.AddRange(run.Select(c => $"{F(X(c))},{F(Y(shape.Value(shape.BandHigh!.Value, c)!.Value))}"));
                points.AddRange(run.AsEnumerable().Reverse().Select(c => $"{F(X(c))},{F(Y(shape.Value(shape.BandLow!.Value, c)!.Value))}"));
                html.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" points=\"{string.Join(' ', points)}\" fill=\"url(#{id}-hatch)\" fill-opacity=\"0.85\" stroke=\"none\"/>\n");
            }

            foreach (var edge in new[] { shape.BandLow!.Value, shape.BandHigh!.Value })
            {
                Polylines(html, shape, edge, X, Y, $"stroke=\"{BandEdge}\" stroke-width=\"1.25\"", "band-edge");
            }
        }

        foreach (var i in shape.Lines)
        {
            var style = styles[i];
            Polylines(html, shape, i, X, Y, style.Stroke, "line");
            if (style.Marker is not null)
            {
                for (var c = 0; c < n; c++)
                {
                    if (shape.Value(i, c) is { } v)
                    {
                        html.Append(Marker(style.Marker, X(c), Y(v), style.Colour)).Append('\n');
                    }
                }
            }
        }

        // Axes and their labels.
        html.Append(CultureInfo.InvariantCulture, $"<g class=\"axes\" stroke=\"#595959\" stroke-width=\"1.25\"><line x1=\"{F(Left)}\" y1=\"{F(Top)}\" x2=\"{F(Left)}\" y2=\"{F(Top + PlotHeight)}\"/><line x1=\"{F(Left)}\" y1=\"{F(Top + PlotHeight)}\" x2=\"{F(Width - Right)}\" y2=\"{F(Top + PlotHeight)}\"/>");
        for (var c = 0; c < n; c++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(c))}\" y1=\"{F(Top + PlotHeight)}\" x2=\"{F(X(c))}\" y2=\"{F(Top + PlotHeight + 5)}\"/>");
        }

        html.Append("</g>\n<g class=\"categories\" font-size=\"15\" text-anchor=\"middle\">");
        var every = Math.Max(1, (int)Math.Ceiling(n / 12.0));
        for (var c = 0; c < n; c += every)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(c))}\" y=\"{F(Top + PlotHeight + 23)}\">{Html.Encode(chart.Categories[c])}</text>");
        }

        html.Append("</g>\n");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{F(Left + (plotWidth / 2))}\" y=\"{F(Top + PlotHeight + 48)}\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"700\">{Html.Encode(chart.CategoryAxisTitle)}</text>\n");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" transform=\"translate(18 {F(Top + (PlotHeight / 2))}) rotate(-90)\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"700\">{Html.Encode(chart.ValueAxisTitle)}</text>\n");

        // The legend, under the plot.
        html.Append("<g class=\"legend\" font-size=\"15\">");
        var rowY = Top + PlotHeight + 62;
        foreach (var row in legendRows)
        {
            var x = Left;
            foreach (var item in row)
            {
                html.Append(item.Swatch(x, rowY + 9, id));
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 36)}\" y=\"{F(rowY + 14)}\">{Html.Encode(item.Name)}</text>");
                x += item.Width;
            }

            rowY += LegendRow;
        }

        html.Append("</g>\n</svg>\n");
    }

    private sealed record SeriesStyle(string Colour, string Stroke, string? Marker);

    private sealed record LegendItem(string Name, Func<double, double, string, string> Draw)
    {
        public double Width => 36 + (Name.Length * 8.4) + 22;

        public string Swatch(double x, double y, string id) => Draw(x, y, id);
    }

    private static Dictionary<int, SeriesStyle> Styles(ChartShape shape)
    {
        var styles = new Dictionary<int, SeriesStyle>();
        var solid = shape.Lines.Count(i => shape.Chart.Series[i].Kind == PackSeriesKind.Line);
        var number = 0;
        string[] markers = ["circle", "square", "triangle", "diamond", "cross", "star"];
        foreach (var i in shape.Lines)
        {
            styles[i] = shape.Chart.Series[i].Kind switch
            {
                PackSeriesKind.Demand => new SeriesStyle(Demand, $"stroke=\"{Demand}\" stroke-width=\"2.5\" stroke-dasharray=\"9 6\"", null),
                PackSeriesKind.Line when solid == 1 => new SeriesStyle(Median, $"stroke=\"{Median}\" stroke-width=\"3\"", null),
                PackSeriesKind.Line => new SeriesStyle(Scenarios[number % Scenarios.Length], $"stroke=\"{Scenarios[number % Scenarios.Length]}\" stroke-width=\"2.5\"", markers[number++ % markers.Length]),
                _ => new SeriesStyle(BandEdge, $"stroke=\"{BandEdge}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"", null),
            };
        }

        return styles;
    }

    private static List<LegendItem> LegendItems(ChartShape shape, Dictionary<int, SeriesStyle> styles)
    {
        var items = new List<LegendItem>();
        if (shape.HasBand)
        {
            items.Add(new LegendItem(shape.BandName, (x, y, id) =>
                $"<rect x=\"{F(x)}\" y=\"{F(y - 7)}\" width=\"28\" height=\"14\" fill=\"url(#{id}-hatch)\" stroke=\"{BandEdge}\" stroke-width=\"1.25\"/>"));
        }

        foreach (var i in shape.Lines)
        {
            var style = styles[i];
            items.Add(new LegendItem(shape.Chart.Series[i].Name, (x, y, _) =>
                $"<line x1=\"{F(x)}\" y1=\"{F(y)}\" x2=\"{F(x + 28)}\" y2=\"{F(y)}\" {style.Stroke} fill=\"none\"/>" + (style.Marker is null ? string.Empty : Marker(style.Marker, x + 14, y, style.Colour))));
        }

        return items;
    }

    private static List<List<LegendItem>> LayOutLegend(List<LegendItem> items)
    {
        var rows = new List<List<LegendItem>>();
        var room = Width - Left - Right;
        var used = double.MaxValue;
        foreach (var item in items)
        {
            if (used + item.Width > room)
            {
                rows.Add([]);
                used = 0;
            }

            rows[^1].Add(item);
            used += item.Width;
        }

        return rows;
    }

    private static string Description(ChartShape shape)
    {
        var chart = shape.Chart;
        var parts = new List<string>();
        if (chart.Categories.Count > 0)
        {
            parts.Add($"{chart.CategoryAxisTitle} from {chart.Categories[0]} to {chart.Categories[^1]} along the bottom, {chart.ValueAxisTitle} up the side.");
        }

        if (shape.HasBand)
        {
            parts.Add($"Hatched band: {shape.BandName}.");
        }

        var solid = shape.Lines.Count(i => chart.Series[i].Kind == PackSeriesKind.Line);
        foreach (var i in shape.Lines)
        {
            var series = chart.Series[i];
            parts.Add(series.Kind switch
            {
                PackSeriesKind.Demand => $"Dashed line: {series.Name}.",
                PackSeriesKind.Line when solid > 1 => $"Solid line with markers: {series.Name}.",
                PackSeriesKind.Line => $"Solid line: {series.Name}.",
                _ => $"Dotted line: {series.Name}.",
            });
        }

        parts.Add("The figures are in the table below the chart.");
        return string.Join(' ', parts);
    }

    private static void Polylines(StringBuilder html, ChartShape shape, int series, Func<int, double> x, Func<double, double> y, string stroke, string cssClass)
    {
        foreach (var run in Runs(shape.Chart.Categories.Count, c => shape.Value(series, c) is not null))
        {
            if (run.Count == 1)
            {
                // A lone value between gaps still shows, as a dot.
                html.Append(CultureInfo.InvariantCulture, $"<circle class=\"{cssClass}\" cx=\"{F(x(run[0]))}\" cy=\"{F(y(shape.Value(series, run[0])!.Value))}\" r=\"2.5\" {stroke}/>\n");
                continue;
            }

            var points = string.Join(' ', run.Select(c => $"{F(x(c))},{F(y(shape.Value(series, c)!.Value))}"));
            html.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{cssClass}\" points=\"{points}\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" {stroke}/>\n");
        }
    }

    private static List<List<int>> Runs(int count, Func<int, bool> present)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var c = 0; c < count; c++)
        {
            if (present(c))
            {
                if (current is null)
                {
                    current = [];
                    runs.Add(current);
                }

                current.Add(c);
            }
            else
            {
                current = null;
            }
        }

        return runs;
    }

    private static string Marker(string kind, double x, double y, string colour) => kind switch
    {
        "square" => $"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>",
        "triangle" => $"<polygon points=\"{F(x)},{F(y - 5)} {F(x + 5)},{F(y + 4)} {F(x - 5)},{F(y + 4)}\" fill=\"{colour}\"/>",
        "diamond" => $"<polygon points=\"{F(x)},{F(y - 5.5)} {F(x + 5.5)},{F(y)} {F(x)},{F(y + 5.5)} {F(x - 5.5)},{F(y)}\" fill=\"{colour}\"/>",
        "cross" => $"<path d=\"M{F(x - 4)} {F(y - 4)}L{F(x + 4)} {F(y + 4)}M{F(x + 4)} {F(y - 4)}L{F(x - 4)} {F(y + 4)}\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        "star" => $"<polygon points=\"{F(x)},{F(y - 6)} {F(x + 1.8)},{F(y - 1.8)} {F(x + 6)},{F(y - 1.5)} {F(x + 2.6)},{F(y + 1.4)} {F(x + 3.7)},{F(y + 5.6)} {F(x)},{F(y + 3.1)} {F(x - 3.7)},{F(y + 5.6)} {F(x - 2.6)},{F(y + 1.4)} {F(x - 6)},{F(y - 1.5)} {F(x - 1.8)},{F(y - 1.8)}\" fill=\"{colour}\"/>",
        _ => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4.5\" fill=\"{colour}\"/>",
    };

    /// <summary>The value axis from zero (or the lowest value, when below zero) to a round number above the highest, in 1, 2 or 5 steps.</summary>
    private static (double Min, double Max, double Step) Scale(PackChart chart)
    {
        var values = chart.Series.SelectMany(s => s.Values).Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();
        var low = Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var high = Math.Max(low + 1, values.Count == 0 ? 1 : values.Max());
        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / magnitude;
        var step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static string Tick(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
