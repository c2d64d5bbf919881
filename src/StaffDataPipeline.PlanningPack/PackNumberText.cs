using System.Globalization;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack;

/// <summary>
/// A number as the page shows it, matching the workbook's number formats (Count and Whole "0", Fte "0.0",
/// Percent "0.0%", Ratio "0.00"), rounded half away from zero as Excel does, in the invariant culture.
/// </summary>
internal static class PackNumberText
{
    public static string Format(double value, PackFormat format) => format switch
    {
        PackFormat.Count or PackFormat.Whole => Fixed(value, 0),
        PackFormat.Fte => Fixed(value, 1),
        PackFormat.Percent => Fixed(value * 100, 1) + "%",
        PackFormat.Ratio => Fixed(value, 2),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The Excel number format code for a column's format; null for text.</summary>
    public static string? ExcelCode(PackFormat format) => format switch
    {
        PackFormat.Count or PackFormat.Whole => "0",
        PackFormat.Fte => "0.0",
        PackFormat.Percent => "0.0%",
        PackFormat.Ratio => "0.00",
        _ => null,
    };

    private static string Fixed(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // -0.0 would print as "-0.0"; a reader sees nothing negative there.
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
