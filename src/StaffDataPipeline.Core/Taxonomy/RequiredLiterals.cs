using System.Text;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// The words a pattern cannot match without: a set of literals of which every match contains at least one, compared
/// without regard to ASCII case. `\b(genetic|genomic)` needs "genetic" or "genomic"; `\bclinical scientist\b.*\bglh`
/// needs "clinical scientist". Worked out from the pattern's text for the part of the regular-expression language the
/// reference data uses (literal characters and escapes, groups, alternation, `\b`, `^`, `$`, `.`, classes such as `\s`
/// and `[...]`, quantifiers, lookarounds, whose contents are passed over). A pattern with anything else (inline options,
/// named groups, back-references, escapes such as `\t`) or a word that is not ASCII gets null: nothing is claimed, and it
/// is always run.
/// </summary>
internal sealed class RequiredLiterals
{
    private readonly string _pattern;
    private int _position;
    private bool _unsupported;

    private RequiredLiterals(string pattern) => _pattern = pattern;

    /// <summary>The literals, or null when the pattern may match without any word this can name.</summary>
    public static IReadOnlyList<string>? Of(string pattern)
    {
        var parser = new RequiredLiterals(pattern);
        var literals = parser.Alternation();
        return !parser._unsupported && parser._position == pattern.Length && literals is { Count: > 0 } && literals.All(l => Ascii.IsValid(l))
            ? literals
            : null;
    }

    private bool More => !_unsupported && _position < _pattern.Length;

    // alternation := sequence ('|' sequence)*: a match contains a literal of whichever branch matched, so all of them
    // are needed; a branch that needs none makes the alternation need none.
    private List<string>? Alternation()
    {
        var all = new List<string>();
        while (true)
        {
            var branch = Sequence();
            all = branch is null ? null : all?.Concat(branch).ToList();
            if (More && _pattern[_position] == '|')
            {
                _position++;
                continue;
            }

            return all?.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    // sequence := (atom quantifier?)*: every item that must occur is needed, so any one of them will do; the one whose
    // shortest word is longest is kept (a long word is met by chance more rarely). Literal characters that must occur
    // once each, one after another, make one word; \b, ^ and $ match no character and leave the words either side.
    private List<string>? Sequence()
    {
        List<string>? best = null;
        var word = new StringBuilder();

        void EndWord()
        {
            if (word.Length > 0)
            {
                best = Better(best, [word.ToString()]);
                word.Clear();
            }
        }

        while (More && _pattern[_position] is not ('|' or ')'))
        {
            var (literal, inner, zeroWidth) = Atom();
            var occurs = Occurrences();
            if (_unsupported)
            {
                return null;
            }

            if (zeroWidth)
            {
                EndWord();
            }
            else if (literal is { } c && occurs == Occurs.Once)
            {
                word.Append(c);
            }
            else
            {
                EndWord();
                if (occurs != Occurs.Optional && (literal is { } repeated ? [repeated.ToString()] : inner) is { } needed)
                {
                    best = Better(best, needed);
                }
            }
        }

        EndWord();
        return best;
    }

    private static List<string> Better(List<string>? current, List<string> candidate) =>
        current is null || candidate.Min(l => l.Length) > current.Min(l => l.Length) ? candidate : current;

    // atom := literal | escape | '(' ('?:')? alternation ')' | class | '.' | '^' | '$'
    private (char? Literal, List<string>? Inner, bool ZeroWidth) Atom()
    {
        var c = _pattern[_position++];
        switch (c)
        {
            case '(':
                // A plain or non-capturing group, or a lookaround; inline options and named groups are not understood.
                var lookaround = false;
                if (_position < _pattern.Length && _pattern[_position] == '?')
                {
                    var kind = _pattern.AsSpan(_position + 1);
                    if (kind.StartsWith(":"))
                    {
                        _position += 2;
                    }
                    else if (kind.StartsWith("=") || kind.StartsWith("!"))
                    {
                        (lookaround, _position) = (true, _position + 2);
                    }
                    else if (kind.StartsWith("<=") || kind.StartsWith("<!"))
                    {
                        (lookaround, _position) = (true, _position + 3);
                    }
                    else
                    {
                        return Unsupported();
                    }
                }

                var inner = Alternation();
                if (!More || _pattern[_position] != ')')
                {
                    return Unsupported();
                }

                // A lookaround matches no character and a negative one needs its words absent: it is passed over like \b,
                // and the words come from the rest of the sequence ("^(?!.*\bclinical scientist\b).*\bscientist\b" needs
                // "scientist").
                _position++;
                return lookaround ? (null, null, true) : (null, inner, false);
            case '[':
                // One character of a set: no word. Skipped to its closing bracket (a ']' first in the set is a member). A set
                // with an escape or a nested set (subtraction, [a-z-[aeiou]]) may close elsewhere: not understood.
                var close = _pattern.IndexOf(']', _position + (_pattern.AsSpan(_position).StartsWith("^]") ? 2 : _pattern.AsSpan(_position).StartsWith("]") ? 1 : 0));
                if (close < 0 || _pattern.AsSpan(_position, close - _position).ContainsAny('\\', '['))
                {
                    return Unsupported();
                }

                _position = close + 1;
                return (null, null, false);
            case '.':
                return (null, null, false);
            case '^' or '$':
                return (null, null, true);
            case '\\' when _position < _pattern.Length:
                var escaped = _pattern[_position++];
                return escaped switch
                {
                    'b' or 'B' => (null, null, true),
                    's' or 'S' or 'w' or 'W' or 'd' or 'D' => (null, null, false),
                    _ when !char.IsAsciiLetterOrDigit(escaped) && escaped < 128 => (char.ToLowerInvariant(escaped), null, false),
                    _ => Unsupported(),
                };
            case '\\' or '*' or '+' or '?' or '{' or '|' or ')':
                return Unsupported();
            default:
                return (char.ToLowerInvariant(c), null, false);
        }
    }

    private enum Occurs
    {
        Once,
        Optional,
        Repeated,
    }

    // quantifier := ('*' | '?' | '+' | '{' n (',' m?)? '}') ('?' | '+')?
    private Occurs Occurrences()
    {
        if (!More)
        {
            return Occurs.Once;
        }

        Occurs occurs;
        switch (_pattern[_position])
        {
            case '*' or '?':
                occurs = Occurs.Optional;
                _position++;
                break;
            case '+':
                occurs = Occurs.Repeated;
                _position++;
                break;
            case '{':
                // Only {n}, {n,} and {n,m} are quantifiers; .NET reads any other brace as text, and what follows it (a '|'
                // or a group) as pattern: not understood.
                var close = _pattern.IndexOf('}', _position);
                var bounds = close < 0 ? [] : _pattern[(_position + 1)..close].Split(',');
                if (bounds.Length is 0 or > 2 || !Count(bounds[0], out var least) || (bounds.Length == 2 && bounds[1].Length > 0 && !Count(bounds[1], out _)))
                {
                    _unsupported = true;
                    return Occurs.Optional;
                }

                occurs = least == 0 ? Occurs.Optional : least == 1 && bounds.Length == 1 ? Occurs.Once : Occurs.Repeated;
                _position = close + 1;
                break;
            default:
                return Occurs.Once;
        }

        // Lazy and possessive forms match the same words.
        if (More && _pattern[_position] is '?' or '+')
        {
            _position++;
        }

        return occurs;
    }

    private static bool Count(string text, out int count) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count);

    private (char?, List<string>?, bool) Unsupported()
    {
        _unsupported = true;
        return (null, null, false);
    }
}
