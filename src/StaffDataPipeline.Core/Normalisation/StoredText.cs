namespace StaffDataPipeline.Normalisation;

/// <summary>
/// Text as it may be stored and shown: no NUL bytes or other control characters (C0, DEL, C1), which break
/// terminals, CSV readers and some drivers. Tabs and line breaks become spaces; the rest are removed.
/// </summary>
public static class StoredText
{
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var i = 0;
        while (i < value.Length && !IsControl(value[i]))
        {
            i++;
        }

        if (i == value.Length)
        {
            return value;
        }

        var chars = new System.Text.StringBuilder(value.Length);
        chars.Append(value, 0, i);
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\t' or '\r' or '\n')
            {
                if (chars.Length == 0 || chars[^1] != ' ')
                {
                    chars.Append(' ');
                }
            }
            else if (!IsControl(c))
            {
                chars.Append(c);
            }
        }

        return chars.ToString().Trim();
    }

    private static bool IsControl(char c) => c < ' ' || c is >= '\u007F' and <= '\u009F';
}
