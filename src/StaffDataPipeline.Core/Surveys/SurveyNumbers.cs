using System.Globalization;

namespace StaffDataPipeline.Surveys;

/// <summary>
/// Reads a number as returns write it: "12", "1,234.5", " 3 ", or a blank-meaning marker (n/a, -, N/K, blank) read as
/// "not given". Anything else is not a number and the row is quarantined.
/// </summary>
public static class SurveyNumbers
{
    private static readonly HashSet<string> NotGiven = new(StringComparer.OrdinalIgnoreCase) { "", "n/a", "na", "-", "–", "n/k", "nk", "not known", "none given", "?" };

    public static bool TryRead(string? text, out decimal? value)
    {
        value = null;
        var t = text?.Trim() ?? string.Empty;
        if (NotGiven.Contains(t))
        {
            return true;
        }

        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d))
        {
            value = Math.Round(d, 4);
            return true;
        }

        return false;
    }
}
