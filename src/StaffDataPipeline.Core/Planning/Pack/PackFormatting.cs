using System.Globalization;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>Rounding and wording shared by the pack's sections: FTE to one decimal, shares to 0.1%, ratios to 0.01.</summary>
internal static class PackFormatting
{
    public static PackColumn Text(string header) => new(header, PackFormat.Text);

    public static PackColumn Fte(string header) => new(header, PackFormat.Fte);

    /// <summary>A count of people: the small-numbers rule applies to its cells.</summary>
    public static PackColumn Count(string header) => new(header, PackFormat.Count);

    /// <summary>A whole number that is not a count of people (months, organisations, snapshots, years).</summary>
    public static PackColumn WholeNumber(string header) => new(header, PackFormat.Whole);

    public static PackColumn Percent(string header) => new(header, PackFormat.Percent);

    public static PackColumn Ratio(string header) => new(header, PackFormat.Ratio);

    public static double OneDecimal(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static double? OneDecimal(double? value) => value is { } v ? OneDecimal(v) : null;

    public static PackCell FteCell(double? value) => PackCell.Of(OneDecimal(value));

    public static PackCell ShareCell(double? value) => PackCell.Of(value is { } v ? Math.Round(v, 3, MidpointRounding.AwayFromZero) : null);

    public static PackCell RatioCell(double? value) => PackCell.Of(value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null);

    public static PackCell TextCell(string text) => PackCell.Of(text);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Whole(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "none",
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1],
        };
    }

    public static PackText Heading(string text) => new(PackTextKind.Heading, text);

    public static PackText Paragraph(string text) => new(PackTextKind.Paragraph, text);

    public static PackText Note(string text) => new(PackTextKind.Note, text);

    public static IReadOnlyList<IReadOnlyList<PackCell>> Rows(IEnumerable<PackCell[]> rows) => [.. rows.Select(r => (IReadOnlyList<PackCell>)r)];
}
