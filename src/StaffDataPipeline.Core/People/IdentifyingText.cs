using System.Text.RegularExpressions;

namespace StaffDataPipeline.People;

/// <summary>
/// Removes from free text what has the shape of something a person is identified by: a National Insurance number, an
/// NHS number, a date (a date of birth, a leaving date), an e-mail address, a phone number. Survey returns' comments,
/// drivers and role names are free text kept as written; a respondent who writes "QZ918201A, born 08/02/1961, is
/// retiring" must not put that in the warehouse. A name has no shape and cannot be found this way: the templates and
/// docs/surveys.md ask that returns name nobody.
/// </summary>
public static partial class IdentifyingText
{
    public const string Removed = "[removed]";

    /// <summary>The text with every match replaced by <see cref="Removed"/>; <paramref name="removed"/> says whether anything was.</summary>
    public static string Redact(string text, out bool removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Shapes().Replace(text, Removed);
        removed = !ReferenceEquals(result, text) && result != text;
        return result;
    }

    // NI number (two letters, six digits, A-D; any letters, temporary and mistyped numbers too; spaced only in capitals,
    // so that "we 12 34 56 a" is not one), NHS number (3-3-4 digits), numeric and ISO dates,
    // dates with a month name ("8 Feb 1961", "8th February 1961"), e-mail addresses, UK phone numbers (07…, 01…, 02…, +44…).
    [GeneratedRegex("""
        \b[A-Z]{2}\d{6}[A-D]\b
        | (?-i:\b[A-Z]{2}\s\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b)
        | \b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b
        | \b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b
        | \b\d{4}-\d{2}-\d{2}\b
        | \b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{2,4}\b
        | [\w.+-]+@[\w-]+(\.[\w-]+)+
        | (\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shapes();
}
