using System.Globalization;
using System.Text.RegularExpressions;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Surveys;

/// <summary>
/// A return period as written on the cover: an NHS financial-year quarter ("2024-25 Q2", "Q2 2024/25"), a financial
/// year ("2024-25"), or a month ("2024-09", "Sep 2024", an Excel date). Carried as a label plus its end date.
/// </summary>
public static partial class ReturnPeriod
{
    public static bool TryParse(string? text, out string label, out DateOnly periodEnd) => TryParse(text, out label, out _, out periodEnd);

    /// <summary>As <see cref="TryParse(string?, out string, out DateOnly)"/>, with the first day of the period too.</summary>
    public static bool TryParse(string? text, out string label, out DateOnly periodStart, out DateOnly periodEnd)
    {
        label = string.Empty;
        periodStart = default;
        periodEnd = default;
        var t = (text ?? string.Empty).Trim();
        var quarter = Quarter().Match(t);
        if (quarter.Success)
        {
            var fy = int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture);
            var q = int.Parse(quarter.Groups["q"].Value, CultureInfo.InvariantCulture);
            var endMonth = new DateOnly(fy, 4, 1).AddMonths((q * 3) - 1);
            periodEnd = TextValues.MonthEnd(endMonth);
            periodStart = endMonth.AddMonths(-2);
            label = $"{fy}-{(fy + 1) % 100:00} Q{q}";
            return true;
        }

        // "2024-25" is a financial year only when the second year follows the first: "2024-09" is September 2024.
        var year = FinancialYear().Match(t);
        if (year.Success && int.Parse(year.Groups["y"].Value, CultureInfo.InvariantCulture) is var first && int.Parse(year.Groups["next"].Value, CultureInfo.InvariantCulture) == (first + 1) % 100)
        {
            periodStart = new DateOnly(first, 4, 1);
            periodEnd = new DateOnly(first + 1, 3, 31);
            label = $"{first}-{(first + 1) % 100:00}";
            return true;
        }

        if (TextValues.TryMonth(t, out periodEnd)
            || DateTime.TryParseExact(t, ["MMM yyyy", "MMMM yyyy", "MMM-yy", "MMM yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var named) && (periodEnd = TextValues.MonthEnd(DateOnly.FromDateTime(named))) != default)
        {
            periodStart = new DateOnly(periodEnd.Year, periodEnd.Month, 1);
            label = periodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?:(?<y>20\d{2})\s*[-/]\s*\d{2}\s*Q(?<q>[1-4])|Q(?<q>[1-4])\s*(?<y>20\d{2})\s*[-/]\s*\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(?:FY\s*)?(?<y>20\d{2})\s*[-/]\s*(?<next>\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex FinancialYear();
}
