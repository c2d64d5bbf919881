using System.Globalization;

namespace StaffDataPipeline.Normalisation;

/// <summary>Typed reading of text values with explicit formats and the invariant culture: the only place types are assigned.</summary>
public static class TextValues
{
    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",

        // ESR's own (Oracle) spelling, 31-DEC-2023, in any case, and the same with spaces as reports print it.
        "dd-MMM-yyyy", "d-MMM-yyyy", "dd MMM yyyy", "d MMM yyyy", "dd-MMM-yyyy HH:mm:ss",
    ];

    // Excel's day 0, for dates a CSV was saved with as numbers (a date column formatted General shows 45322).
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>
    /// A date in one of <see cref="DateFormats"/> (month names in English, any case), or a five-digit Excel serial
    /// number (10000 to 99999: 18 May 1927 to 2173), which is how Excel saves a date column formatted as General.
    /// </summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        if (text.Length == 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= 10_000)
        {
            date = ExcelEpoch.AddDays(serial);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>A snapshot month from "202303", "2023-03", "2023/03" or any date in the month; returned as the month-end date.</summary>
    public static bool TryMonth(string text, out DateOnly monthEnd)
    {
        monthEnd = default;
        var digits = text.Trim();
        if (digits.Length == 6 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var yyyymm))
        {
            return TryMonthEnd(yyyymm / 100, yyyymm % 100, out monthEnd);
        }

        if (digits.Length == 7 && digits[4] is '-' or '/'
            && int.TryParse(digits.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(digits.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return TryMonthEnd(y, m, out monthEnd);
        }

        // A snapshot is this century's: a five-digit number below 36526 (1 January 2000) is no serial date ("20239").
        if (TryDate(digits, out var date) && date.Year >= 2000)
        {
            monthEnd = MonthEnd(date);
            return true;
        }

        return false;
    }

    public static DateOnly MonthEnd(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    /// <summary>A fraction written as a decimal ("0.6") or as a percentage ("60%", as Excel saves a cell formatted Percentage).</summary>
    public static bool TryFraction(string text, bool decimalComma, out decimal value)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%') && TryDecimal(trimmed[..^1], decimalComma, out var percent))
        {
            value = percent / 100m;
            return true;
        }

        return TryDecimal(text, decimalComma, out value);
    }

    /// <summary>Decimals written with '.', as ESR exports them. A comma is refused rather than guessed at.</summary>
    public static bool TryDecimal(string text, out decimal value) => TryDecimal(text, decimalComma: false, out value);

    /// <summary>
    /// '.' for decimals; with <paramref name="decimalComma"/> (a file whose numbers Excel wrote under a European locale,
    /// in a semicolon-separated CSV) a single ',' where there is no '.' too ("0,6"). A comma is never read as a
    /// thousands separator: FTE and weekly hours are below 100.
    /// </summary>
    public static bool TryDecimal(string text, bool decimalComma, out decimal value)
    {
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return decimalComma && comma > 0 && comma == text.LastIndexOf(',') && !text.Contains('.', StringComparison.Ordinal)
            && decimal.TryParse(text.Replace(',', '.'), Styles, CultureInfo.InvariantCulture, out value);
    }

    // Compared in place, ignoring case: a stored row's flag is read on every row, and upper-casing it made a string each time.
    public static bool? YesNo(string? text) => text is null ? null : YesNo(text.AsSpan().Trim());

    private static bool? YesNo(ReadOnlySpan<char> flag) =>
        AnyOf(flag, "Y", "YES", "TRUE", "1", "PRIMARY") ? true
        : AnyOf(flag, "N", "NO", "FALSE", "0", "SECONDARY") ? false
        : null;

    private static bool AnyOf(ReadOnlySpan<char> flag, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (flag.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMonthEnd(int year, int month, out DateOnly monthEnd)
    {
        monthEnd = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12)
        {
            return false;
        }

        monthEnd = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return true;
    }
}
