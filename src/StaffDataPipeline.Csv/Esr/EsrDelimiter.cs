using System.Text;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// The delimiter of an ESR CSV, chosen once per file from its header line: of comma, semicolon, tab and pipe, the one
/// that splits the header into the most headings the alias list knows, then into the most fields, then the earlier in
/// that order. Excel writes ';' where the decimal separator is a comma, and tab for "Unicode Text".
/// </summary>
internal sealed record EsrDelimiter(char Separator, IReadOnlyList<string> Headings, int KnownHeadings)
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>How many lines (not blank) stand above the header: the title and "Report run on…" lines of ESR BI.</summary>
    public int LinesAbove { get; init; }

    /// <summary>How a message names a delimiter.</summary>
    public static string Name(char separator) => separator switch
    {
        '\t' => "tab",
        ' ' => "space",
        _ => $"'{separator}'",
    };

    /// <summary>
    /// The best split of the file's header line, or null for a file without one. The header is the first of the top
    /// lines that <see cref="HeaderSignature"/> takes for a header (a title line padded with delimiters, as Excel saves
    /// one, names no field); failing that, the first line.
    /// </summary>
    public static EsrDelimiter? Detect(string path, Encoding encoding, HeaderAliases aliases)
    {
        EsrDelimiter? first = null;
        var above = 0;
        foreach (var line in HeaderLine.ReadRecords(path, encoding).Take(HeaderSignature.SearchRows))
        {
            var choice = Choose(line, aliases);
            first ??= choice;
            if (HeaderSignature.IsHeader(aliases.Match(choice.Headings)))
            {
                return choice with { LinesAbove = above };
            }

            above++;
        }

        return first;
    }

    public static EsrDelimiter Choose(string line, HeaderAliases aliases)
    {
        EsrDelimiter? best = null;
        foreach (var separator in Candidates)
        {
            var headings = HeaderLine.Split(line, separator);
            var match = aliases.Match(headings);
            var known = match.Columns.Count + match.DuplicateColumns.Count + match.PersonalColumnsDropped.Count;
            if (best is null || known > best.KnownHeadings || (known == best.KnownHeadings && headings.Count > best.Headings.Count))
            {
                best = new EsrDelimiter(separator, headings, known);
            }
        }

        return best!;
    }
}
