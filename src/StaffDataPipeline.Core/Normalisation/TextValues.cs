using System.Globalization;

namespace StaffDataPipeline.Normalisation;

/// <summary>Typed reading of text values with explicit formats and the invariant culture: the only place types are assigned.</summary>
public static class TextValues
{
    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];

    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
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

        if (TryDate(digits, out var date))
        {
            monthEnd = MonthEnd(date);
            return true;
        }

        return false;
    }

    public static DateOnly MonthEnd(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    /// <summary>Decimals written with '.', as ESR exports them. A comma is refused rather than guessed at.</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value);

    public static bool? YesNo(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "Y" or "YES" or "TRUE" or "1" or "PRIMARY" => true,
        "N" or "NO" or "FALSE" or "0" or "SECONDARY" => false,
        _ => null,
    };

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
