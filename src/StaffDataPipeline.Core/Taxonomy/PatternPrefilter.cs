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
