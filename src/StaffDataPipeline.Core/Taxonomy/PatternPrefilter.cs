using System.Buffers;
using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Tells, from one scan of a text, which of a set of patterns cannot match it: a pattern that needs a word
/// (<see cref="RequiredLiterals"/>) cannot match a text without any of its words. Most posts are not in genomics and
/// contain none of the words the context patterns and the genomics signals look for, so their patterns need not be
/// run at all (each run costs its set-up, whatever the text). A pattern whose words cannot be named, the 64th pattern
/// on, and any text that is not ASCII (where case-insensitive matching is wider than ASCII's) are always possible.
/// </summary>
internal sealed class PatternPrefilter
{
    private readonly SearchValues<string>? _words;
    private readonly string[] _wordList;
    private readonly ulong[] _patternsOfWord;
    private readonly ulong _alwaysPossible;

    // The words by their first letter, upper-cased as OrdinalIgnoreCase compares ASCII: where the scan finds a word, only
    // those that start with the letter there are compared (a few, not a few dozen). A word starting outside ASCII is
    // compared everywhere rather than reasoned about (some such letters upper-case to ASCII ones).
    private readonly int[][] _wordsByFirst = new int[128][];
    private readonly int[] _wordsOfOtherFirst;

    public PatternPrefilter(IReadOnlyList<Regex> patterns)
    {
        var patternsOfWord = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < patterns.Count; i++)
        {
            var words = i < 64 && (patterns[i].Options & RegexOptions.IgnorePatternWhitespace) == 0 ? RequiredLiterals.Of(patterns[i].ToString()) : null;
            if (words is null)
            {
                _alwaysPossible |= i < 64 ? 1UL << i : 0;
                continue;
            }

            foreach (var word in words)
            {
                patternsOfWord[word] = patternsOfWord.GetValueOrDefault(word) | (1UL << i);
            }
        }

        _wordList = [.. patternsOfWord.Keys];
        _patternsOfWord = [.. patternsOfWord.Values];
        _words = _wordList.Length > 0 ? SearchValues.Create(_wordList, StringComparison.OrdinalIgnoreCase) : null;
        var byFirst = Enumerable.Range(0, _wordList.Length)
            .ToLookup(w => _wordList[w].Length > 0 && char.IsAscii(_wordList[w][0]) ? char.ToUpperInvariant(_wordList[w][0]) : -1);
        for (var c = 0; c < _wordsByFirst.Length; c++)
        {
            _wordsByFirst[c] = [.. byFirst[c]];
        }

        _wordsOfOtherFirst = [.. byFirst[-1]];
        WordsStayInParts = !_wordList.Any(w => w.Contains('|', StringComparison.Ordinal));
    }

    /// <summary>
    /// True when no word contains '|', so that none can be found across the " | " between two parts of a post's
    /// context (PostContext): a word with letters of two parts would hold the whole separator. A word may still take in
    /// the space beside a part ("molecular " from `molecular (diagnostic|pathology)`), so a part is read between two
    /// spaces (<see cref="PossibleInPart"/>). The words of a context are then among those of its parts, so what a part
    /// allows can be worked out once per value (FieldText.ContextWords) and the parts' answers combined with |, where a
    /// scan of every post's context found no more.
    /// </summary>
    public bool WordsStayInParts { get; }

    /// <summary>
    /// The patterns that may match a context with <paramref name="part"/> as one of its parts, as far as that part's
    /// words go: it is read with a space either side, as the separator or the context's end would leave it (where the
    /// context has no space, a pattern is allowed that could not match, never the other way round).
    /// </summary>
    public ulong PossibleInPart(string part)
    {
        // A value met once (a cost centre per row) is read here once: in a buffer, not a string of its own.
        var spaced = part.Length <= 254 ? stackalloc char[part.Length + 2] : new char[part.Length + 2];
        spaced[0] = ' ';
        part.CopyTo(spaced[1..]);
        spaced[^1] = ' ';
        return Possible(spaced);
    }

    /// <summary>The patterns that may match <paramref name="text"/>, one bit each (pattern i is bit i).</summary>
    public ulong Possible(ReadOnlySpan<char> text)
    {
        if (_words is null || !System.Text.Ascii.IsValid(text))
        {
            return ulong.MaxValue;
        }

        var possible = _alwaysPossible;
        for (var at = text.IndexOfAny(_words); at >= 0;)
        {
            // Every word that starts here, among those starting with this letter whose patterns are not yet possible.
            var rest = text[at..];
            possible = WordsAt(rest, _wordsByFirst[char.ToUpperInvariant(rest[0])], possible);
            possible = WordsAt(rest, _wordsOfOtherFirst, possible);

            var next = text[(at + 1)..].IndexOfAny(_words);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return possible;
    }

    private ulong WordsAt(ReadOnlySpan<char> rest, int[] candidates, ulong possible)
    {
        foreach (var w in candidates)
        {
            if ((_patternsOfWord[w] & ~possible) != 0 && rest.StartsWith(_wordList[w], StringComparison.OrdinalIgnoreCase))
            {
                possible |= _patternsOfWord[w];
            }
        }

        return possible;
    }

    /// <summary>Whether pattern <paramref name="index"/> may match, given <see cref="Possible"/>'s answer.</summary>
    public static bool MayMatch(ulong possible, int index) => index >= 64 || (possible & (1UL << index)) != 0;
}
