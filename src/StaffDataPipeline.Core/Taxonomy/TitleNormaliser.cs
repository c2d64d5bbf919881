using System.Runtime.CompilerServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Folds a job title and expands its abbreviations and spellings through reference-data/title-synonyms.csv, so that
/// "Snr Genetic Counselor", "Hd of Bioinf" and "Med Sec - CG" read to the rules as "senior genetic counsellor",
/// "head of bioinformatics" and "medical secretary clinical genetics". An entry may be several words ("hd of",
/// "med sec"); at each word the longest entry that starts there wins, and the replacement is not read again.
/// </summary>
public sealed class TitleNormaliser
{
    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phraseStarts = new(StringComparer.Ordinal);

    // The same two sets, looked up by a word still inside its text: the fast path allocates no word to ask.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _phraseStartsBySpan;
    private readonly int _longest = 1;

    public TitleNormaliser(IEnumerable<KeyValuePair<string, string>> synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        _entriesBySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseStartsBySpan = _phraseStarts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (entry, replacement) in synonyms)
        {
            var key = TitleText.Fold(entry);
            _entries[key] = TitleText.Fold(replacement);
            var words = key.Split(' ');
            _longest = Math.Max(_longest, words.Length);
            if (words.Length > 1)
            {
                _phraseStarts.Add(words[0]);
            }
        }
    }

    public string Normalise(string? title) => Normalise(title, null);

    /// <summary>Normalises, adding each expansion made ("hd of → head of") to <paramref name="expansions"/> when given.</summary>
    public string Normalise(string? title, List<string>? expansions) => NormaliseFolded(TitleText.Fold(title), expansions);

    /// <summary>
    /// <see cref="Normalise(string?, List{string}?)"/> of a text already folded (<see cref="TitleText.Fold(string?)"/>):
    /// the field caches fold every value to look it up, and a value met once need not be folded twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal string NormaliseFolded(string folded, List<string>? expansions = null)
    {
        if (folded.Length == 0 || _entries.Count == 0 || !AnyWordListed(folded))
        {
            return folded;
        }

        var words = folded.Split(' ');
        var output = new List<string>(words.Length);
        var changed = false;
        for (var i = 0; i < words.Length;)
        {
            var taken = 0;
            // Only a word that starts some phrase can begin one: the rest need a single lookup, no joined strings.
            var longest = _phraseStarts.Contains(words[i]) ? Math.Min(_longest, words.Length - i) : 1;
            for (var n = longest; n >= 1 && taken == 0; n--)
            {
                var key = n == 1 ? words[i] : string.Join(' ', words, i, n);
                if (_entries.TryGetValue(key, out var replacement))
                {
                    if (replacement.Length > 0)
                    {
                        output.Add(replacement);
                    }

                    expansions?.Add($"{key} → {(replacement.Length > 0 ? replacement : "(removed)")}");
                    changed = true;
                    taken = n;
                }
            }

            if (taken == 0)
            {
                output.Add(words[i]);
                taken = 1;
            }

            i += taken;
        }

        return changed ? string.Join(' ', output) : folded;
    }

    /// <summary>
    /// Whether any word of the folded text is an entry or starts one: most places and many titles have none, and are
    /// then returned as folded without splitting them into words.
    /// </summary>
    private bool AnyWordListed(string folded)
    {
        foreach (var range in folded.AsSpan().Split(' '))
        {
            var word = folded.AsSpan(range);
            if (_entriesBySpan.ContainsKey(word) || _phraseStartsBySpan.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
