using System.Text;

namespace StaffDataPipeline.Organisations;

/// <summary>
/// How a mistyped organisation is recognised: its code with one character read as its lookalike (O/0, I/1, S/5, Z/2:
/// "ROA" for "R0A"), or its name as written on the cover once case, punctuation and the "NHS Foundation Trust"
/// suffix are set aside ("Manchester University NHS FT" is "MANCHESTER UNIVERSITY NHS FOUNDATION TRUST").
/// </summary>
public static class OrganisationLookalikes
{
    private static readonly Dictionary<char, char> Confusions = new()
    {
        ['O'] = '0', ['0'] = 'O', ['I'] = '1', ['1'] = 'I', ['S'] = '5', ['5'] = 'S', ['Z'] = '2', ['2'] = 'Z',
    };

    // Words that say what kind of body it is rather than which one; written or left out at will.
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "nhs", "foundation", "trust", "ft" };

    /// <summary>Every code one lookalike substitution away from <paramref name="code"/>.</summary>
    public static IEnumerable<string> CodesLike(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var upper = code.ToUpperInvariant();
        for (var i = 0; i < upper.Length; i++)
        {
            if (Confusions.TryGetValue(upper[i], out var other))
            {
                yield return string.Concat(upper.AsSpan(0, i), other.ToString(), upper.AsSpan(i + 1));
            }
        }
    }

    /// <summary>The name reduced to what identifies it: lower case, letters and digits, no leading "the", no trailing "NHS Foundation Trust".</summary>
    public static string NameKey(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            // Apostrophes join ("Guy's" is "guys"); any other punctuation separates words.
            if (c is '\'' or '’')
            {
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && Suffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }
}
