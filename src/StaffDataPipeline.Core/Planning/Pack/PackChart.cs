namespace StaffDataPipeline.Planning.Pack;

/// <summary>How a series is drawn.</summary>
public enum PackSeriesKind
{
    /// <summary>A solid line (a P50, or a scenario's P50 when scenarios are compared).</summary>
    Line = 0,

    /// <summary>A dashed line: stated demand.</summary>
    Demand = 1,

    /// <summary>The lower edge of a shaded band (P10); always followed by its <see cref="BandHigh"/>.</summary>
    BandLow = 2,

    /// <summary>The upper edge of a shaded band (P90); the band between it and the preceding <see cref="BandLow"/> is shaded.</summary>
    BandHigh = 3,
}

/// <summary>One series: its name in the legend, one value per category (null where there is none), how it is drawn.</summary>
public sealed record PackSeries(string Name, IReadOnlyList<double?> Values, PackSeriesKind Kind);

/// <summary>
/// A chart over categories (years 0 to 10, as labels such as "2026"): supply's P10–P90 band and P50 line against
/// stated demand, or one line per scenario. The workbook writes the chart's figures into cells beside it and points
/// the native chart's series at them; the page draws it as SVG with the same figures in a table under it.
/// </summary>
public sealed record PackChart(string Title, string CategoryAxisTitle, string ValueAxisTitle, IReadOnlyList<string> Categories, IReadOnlyList<PackSeries> Series) : PackBlock;
