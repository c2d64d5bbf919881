using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack;

/// <summary>
/// How a chart's series are drawn, decided once for both writers so the workbook and the page show the same thing:
/// the first P10 series followed by its P90 is the shaded band; every other series is a line (demand dashed). A
/// second band in one chart is drawn as its two edges (dotted lines): a native chart can stack only one band on an
/// axis pair, and the page follows the workbook.
/// </summary>
internal sealed record ChartShape(PackChart Chart, int? BandLow, int? BandHigh, IReadOnlyList<int> Lines)
{
    public static ChartShape Of(PackChart chart)
    {
        int? low = null;
        int? high = null;
        var lines = new List<int>();
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var kind = chart.Series[i].Kind;
            if (low is null && kind == PackSeriesKind.BandLow && i + 1 < chart.Series.Count && chart.Series[i + 1].Kind == PackSeriesKind.BandHigh)
            {
                low = i;
                high = i + 1;
                i++;
                continue;
            }

            lines.Add(i);
        }

        return new ChartShape(chart, low, high, lines);
    }

    public bool HasBand => BandLow is not null;

    /// <summary>The band's name in a legend: "P10 – P90" from its edges' names.</summary>
    public string BandName => HasBand ? $"{Chart.Series[BandLow!.Value].Name} to {Chart.Series[BandHigh!.Value].Name}" : string.Empty;

    /// <summary>P90 − P10 per category (null where either edge has none): what the workbook stacks on the invisible P10.</summary>
    public IReadOnlyList<double?> BandHeights()
    {
        if (!HasBand)
        {
            return [];
        }

        var low = Chart.Series[BandLow!.Value].Values;
        var high = Chart.Series[BandHigh!.Value].Values;
        var heights = new double?[Chart.Categories.Count];
        for (var c = 0; c < heights.Length; c++)
        {
            var l = c < low.Count ? low[c] : null;
            var h = c < high.Count ? high[c] : null;
            heights[c] = l is null || h is null ? null : h.Value - l.Value;
        }

        return heights;
    }

    /// <summary>A series' value for a category, null past the end of a short series.</summary>
    public double? Value(int series, int category) =>
        category < Chart.Series[series].Values.Count ? Chart.Series[series].Values[category] : null;

    /// <summary>The chart's figures are whole numbers (counts) when every value is; otherwise they show one decimal (FTE).</summary>
    public PackFormat ValueFormat =>
        Chart.Series.SelectMany(s => s.Values).All(v => v is null || Math.Abs(v.Value - Math.Round(v.Value)) < 1e-9) ? PackFormat.Count : PackFormat.Fte;
}
