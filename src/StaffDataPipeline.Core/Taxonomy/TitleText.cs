namespace StaffDataPipeline.Taxonomy;

/// <summary>Folds free text (titles, areas of work, grades) to lower-case words separated by single spaces.</summary>
public static class TitleText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Folded text is never longer than the text: written into a stack buffer (a title or a cost centre fits), then one string.
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = Fold(text, buffer);
        return length == text.Length && buffer[..length].SequenceEqual(text) ? text : new string(buffer[..length]);
    }

    /// <summary>
    /// Writes the folded text into <paramref name="buffer"/> (at least as long as the text) and returns its length, so
    /// that a caller can look the folded text up before it makes a string of it.
    /// </summary>
    internal static int Fold(ReadOnlySpan<char> text, Span<char> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buffer.Length, text.Length);
        var length = 0;
        var space = true;
        foreach (var c in text)
        {
            // Every field of every row is folded to be looked up: ASCII, nearly all of it, through a table.
            var folded = c < 128 ? AsciiFolds[c] : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '\u2019' ? Dropped : Separator;
            if (folded > Dropped)
            {
                buffer[length++] = folded;
                space = false;
            }
            else if (folded == Separator && !space)
            {
                // "counsellor's" folds to "counsellors", not "counsellor s": an apostrophe is Dropped, not a Separator.
                buffer[length++] = ' ';
                space = true;
            }
        }

        return length > 0 && buffer[length - 1] == ' ' ? length - 1 : length;
    }

    private const char Separator = '\0';
    private const char Dropped = '\u0001';

    // What each ASCII character folds to: itself in lower case (letters and digits), Dropped (the apostrophe) or Separator.
    private static readonly char[] AsciiFolds = [.. Enumerable.Range(0, 128).Select(i => (char)i switch
    {
        var c when char.IsLetterOrDigit(c) => char.ToLowerInvariant(c),
        '\'' => Dropped,
        _ => Separator,
    })];
}
