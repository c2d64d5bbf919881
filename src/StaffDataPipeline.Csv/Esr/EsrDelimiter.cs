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

    /// <summary>How a message names a delimiter.</summary>
    public static string Name(char separator) => separator switch
    {
        '\t' => "tab",
        ' ' => "space",
        _ => $"'{separator}'",
    };

    /// <summary>The best split of the file's header line, or null for a file without one.</summary>
    public static EsrDelimiter? Detect(string path, Encoding encoding, HeaderAliases aliases)
    {
        var line = HeaderLine.Read(path, encoding);
        return line is null ? null : Choose(line, aliases);
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
