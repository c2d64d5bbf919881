using System.Buffers;
using System.Runtime.CompilerServices;

namespace StaffDataPipeline.Normalisation;

/// <summary>
/// Text as it may be stored and shown: no NUL bytes or other control characters (C0, DEL, C1), which break
/// terminals, CSV readers and some drivers. Tabs and line breaks become spaces; the rest are removed.
/// </summary>
public static class StoredText
{
    // Vectorised search: this runs on every field a load reads, so the clean case must cost next to nothing.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).ToArray());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var i = value.AsSpan().IndexOfAny(Controls);
        if (i < 0)
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
