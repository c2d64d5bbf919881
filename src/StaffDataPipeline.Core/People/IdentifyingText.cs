using System.Text.RegularExpressions;

namespace StaffDataPipeline.People;

/// <summary>
/// Removes from free text what has the shape of something a person is identified by: a National Insurance number, an
/// NHS number (its check digit right), a date (a date of birth, a leaving date), an e-mail address, a UK phone
/// number. Survey returns' comments and drivers are free text kept as written; a respondent who writes "QZ918201A,
/// born 08/02/1961, is retiring" must not put that in the warehouse. The shapes are drawn tight, so that the figures a
/// return gives ("7.5-37.5 hours", "12.5-15 WTE", "2025/26", "10 junior, 12 senior") are kept. A name has no shape
/// and cannot be found this way: the templates and docs/surveys.md ask that returns name nobody.
/// </summary>
public static partial class IdentifyingText
{
    public const string Removed = "[removed]";

    /// <summary>The text with every match replaced by <see cref="Removed"/>; <paramref name="removed"/> says whether anything was.</summary>
    public static string Redact(string text, out bool removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = false;
        string result;
        try
        {
            result = Shapes().Replace(text, match =>
            {
                if (match.Groups["nhs"].Success && !IsNhsNumber(match.Value))
                {
                    return match.Value;
                }

                found = true;
                return Removed;
            });
        }
        catch (RegexMatchTimeoutException)
        {
            // Text too long or too strange to search in time is not kept at all.
            removed = true;
            return Removed;
        }

        removed = found;
        return result;
    }

    // An NHS number's tenth digit checks the first nine (modulus 11); most ten-digit figures fail it.
    private static bool IsNhsNumber(string text)
    {
        var digits = text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check != 10 && (check == 11 ? 0 : check) == digits[9];
    }

    // NI number in capitals (two letters, six digits, A-D, spaced or not), NHS number (3-3-4 digits), a numeric date
    // with one separator used twice and no figure either side, an ISO date, a day with a month named in full or short
    // and a year, an e-mail address (bounded, so a long cell cannot take long), a UK phone number (10 or 11 digits).
    [GeneratedRegex("""
        (?-i:\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b)
        | (?<nhs>(?<![\d.,])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d.,]))
        | (?<![\d.,])\d{1,2}([/.-])\d{1,2}\1(\d{4}|\d{2})(?![\d.,])
        | (?<![\d.,])\d{4}-\d{2}-\d{2}(?![\d.,])
        | \b\d{1,2}(st|nd|rd|th)?\s+(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?,?\s+\d{2,4}\b
        | [\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,8}
        | (?<![\d.,])(\+44\s?(\(0\)\s?)?|0)(\d[\s-]?){8,9}\d(?![\d.,])
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shapes();
}
