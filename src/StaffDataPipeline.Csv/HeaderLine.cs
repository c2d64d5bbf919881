using System.Text;

namespace StaffDataPipeline.Csv;

/// <summary>
/// The first record of a text file as text, and its fields for a given separator, so that the separator can be chosen
/// from the header before the file is parsed. Quotes are respected: a quoted heading may hold a comma or a line break.
/// </summary>
internal static class HeaderLine
{
    /// <summary>A header longer than this is a broken quote swallowing the file (as <see cref="CsvFiles"/> judges records).</summary>
    private const int MaxChars = 1 << 20;

    /// <summary>The first line that is not blank, up to a line break outside quotes, or null for a file with none.</summary>
    public static string? Read(string path, Encoding encoding) => ReadRecords(path, encoding).FirstOrDefault();

    /// <summary>
    /// The lines that are not blank, from the top, each up to a line break outside quotes: read lazily, so a caller that
    /// stops at the header reads no further.
    /// </summary>
    public static IEnumerable<string> ReadRecords(string path, Encoding encoding)
    {
        // The decoder skips a byte order mark that matches its encoding (UTF-16); a UTF-8 one is stripped below.
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12), encoding, detectEncodingFromByteOrderMarks: false, 1 << 12);
        var line = new StringBuilder();
        var quoted = false;
        var first = true;
        int next;
        do
        {
            next = reader.Read();
            var c = (char)next;
            if (next < 0 || line.Length >= MaxChars || (c is '\r' or '\n' && !quoted))
            {
                var text = first ? line.ToString().TrimStart('\uFEFF') : line.ToString();
                line.Clear();
                if (text.Length > 0)
                {
                    first = false;
                    yield return text;
                }

                if (next < 0 || text.Length >= MaxChars)
                {
                    yield break;
                }

                continue;
            }

            // An escaped quote ("") toggles twice, so the state is right at every line break of well-formed text.
            quoted ^= c == '"';
            line.Append(c);
        }
        while (true);
    }

    /// <summary>The fields of a header line split on <paramref name="separator"/> as RFC 4180 reads them, cleaned as headings are.</summary>
    public static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == separator)
            {
                fields.Add(CsvFiles.CleanHeader(field.ToString()));
                field.Clear();
            }
            else if (c == '"' && string.IsNullOrWhiteSpace(field.ToString()))
            {
                quoted = true;
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(CsvFiles.CleanHeader(field.ToString()));
        return fields;
    }
}
