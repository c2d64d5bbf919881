using System.Globalization;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// A cell as text, whatever Excel stored: numbers as Excel shows them, in the invariant culture; dates as ISO; formulas
/// by their cached value (which is what ExcelDataReader returns); blanks as null.
/// </summary>
internal static class CellText
{
    // Integers below 2^53 are exact in a double, so an employee number or a code is written whole, never with an exponent.
    private const double LargestExactInteger = 9_007_199_254_740_992d;

    public static string? Of(object? value) => value switch
    {
        null or DBNull => null,
        string s => StoredText.Clean(s).Trim() is { Length: > 0 } t ? t : null,
        double d => Number(d),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// A number as Excel shows it and as its own CSV export writes it: whole numbers whole (10000591, not 1.0000591E+07),
    /// fractions to Excel's 15 significant digits, so 0.8 stored as 0.80000000000000004 reads "0.8".
    /// </summary>
    public static string Number(double d)
    {
        if (!double.IsFinite(d))
        {
            return d.ToString("R", CultureInfo.InvariantCulture);
        }

        if (Math.Abs(d) < LargestExactInteger && d == Math.Floor(d))
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        // Decimal keeps 15 significant digits of a double and is written without an exponent.
        var magnitude = Math.Abs(d);
        return magnitude is >= 1e-9 and < 1e15
            ? ((decimal)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }
}
