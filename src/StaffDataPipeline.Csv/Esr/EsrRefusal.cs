using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// What a text file that is not recognised as an ESR export showed when read as one: no text at all, UTF-16 without
/// its byte order mark, a header that is one column (and the delimiter it seems to use instead), or a header whose
/// columns are not staff-in-post headings. Names the encoding, the delimiter and counts, never a heading or a value.
/// </summary>
internal sealed class EsrRefusal
{
    private const int SampleBytes = 4096;

    // Punctuation that headings use themselves ("Area of Work (Dept)", "Band/Grade", "FTE %"), so it is no sign of a delimiter.
    private const string HeadingPunctuation = "\"'_-.()&/%";

    private readonly SourceFile _file;
    private readonly HeaderAliases _aliases;

    public EsrRefusal(SourceFile file, HeaderAliases aliases)
    {
        _file = file;
        _aliases = aliases;
    }

    public string? Explain()
    {
        try
        {
            return Seen(ReadStart());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file went away since it was inspected: the refusal stands without the detail.
            return null;
        }
    }

    private string Seen(byte[] start)
    {
        if (start.Length == 0)
        {
            return "the file is empty";
        }

        // ODS releases come gzipped (etrust.csv.gz): a file that is one is most likely one given to the wrong command.
        if (start is [0x1F, 0x8B, ..])
        {
            return "it is a gzip-compressed file, not a CSV export: an NHS ODS release (.csv.gz) is imported with `staffdata organisations import <file>`; anything else, unpack it first and load what it holds";
        }

        if (SourceFileReader.ByteOrderMark(start) is null && start.Contains((byte)0))
        {
            return LooksLikeUtf16(start)
                ? "its bytes look like UTF-16 text without a byte order mark, which is not read: save it again as 'CSV UTF-8', or as Excel's 'Unicode Text', which has one"
                : "it is not text (it holds NUL bytes), so it is not a CSV export: check it is the right file";
        }

        var encoding = TextFileEncoding.For(_file, null);
        var read = $"read as {TextFileEncoding.Describe(encoding)}";
        var line = HeaderLine.Read(_file.Path, encoding);
        if (line is null)
        {
            return $"{read}, it has no header line (only blank lines)";
        }

        var header = EsrDelimiter.Choose(line, _aliases);
        if (header.Headings.Count == 1)
        {
            return $"{read}, its header line is one column: {OneColumn(line)}";
        }

        if (Ods.OdsReleaseReader.LooksLikeRelease(header.Headings))
        {
            return $"{read}, it looks like an NHS ODS release (no header row; an organisation code, its name, and an open date in the 11th column), not an ESR export: import it with `staffdata organisations import <file>`";
        }

        var fields = _aliases.Match(header.Headings).Columns.Keys.Select(RequiredFields.Display).Order(StringComparer.Ordinal).ToList();
        var named = fields.Count == 0 ? "none of them" : $"only {fields.Count} of them ({string.Join(", ", fields)})";
        return $"{read} with {EsrDelimiter.Name(header.Separator)} as the delimiter, its header line has {header.Headings.Count} columns and {named} is a staff-in-post heading where an ESR export has at least {HeaderSignature.MinimumFields}: check that the first line is the header row of an ESR staff-in-post report";
    }

    // No candidate split it: either the line is one quoted cell holding the delimiters, or it uses another character.
    private static string OneColumn(string line)
    {
        var unquoted = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                unquoted.Append(c);
            }
        }

        var outside = unquoted.ToString();
        var inside = EsrDelimiter.Candidates.Where(c => line.Contains(c) && !outside.Contains(c)).ToList();
        if (inside.Count > 0)
        {
            return $"the delimiter looks like {EsrDelimiter.Name(inside[0])}, but the whole line is one quoted cell (as when a CSV opened as one column is saved again): split it into columns in a spreadsheet and save it again as CSV";
        }

        var likely = outside
            .Where(c => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c)) && !HeadingPunctuation.Contains(c))
            .GroupBy(c => c)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => (char?)g.Key)
            .FirstOrDefault();
        return likely is { } delimiter
            ? $"the delimiter looks like {EsrDelimiter.Name(delimiter)}, which is not read (comma, semicolon, tab and pipe are): save it again as CSV with one of those"
            : "it holds no comma, semicolon, tab or pipe (a title line above the header?): the header row must be within the first 20 lines, with its columns separated by one of those";
    }

    // ASCII text in UTF-16 has a NUL in every other byte: mostly the odd ones (little-endian) or the even ones (big-endian).
    private static bool LooksLikeUtf16(byte[] start)
    {
        var pairs = start.Length / 2;
        var evenNuls = 0;
        var oddNuls = 0;
        for (var i = 0; i + 1 < start.Length; i += 2)
        {
            evenNuls += start[i] == 0 ? 1 : 0;
            oddNuls += start[i + 1] == 0 ? 1 : 0;
        }

        return pairs > 0 && Math.Max(evenNuls, oddNuls) > pairs * 0.8 && Math.Min(evenNuls, oddNuls) < pairs * 0.05;
    }

    private byte[] ReadStart()
    {
        using var stream = new FileStream(_file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, SampleBytes);
        var buffer = new byte[SampleBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}
