using System.Text;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// The words a pattern cannot match without: a set of literals of which every match contains at least one, compared
/// without regard to ASCII case. `\b(genetic|genomic)` needs "genetic" or "genomic"; `\bclinical scientist\b.*\bglh`
/// needs "clinical scientist"; `\bconsultant (genetic|genomic) counsellor` needs one of its two whole phrases, and
/// `st[3-8]` one of "st3" to "st8" (a word is made of each way through a few alternatives, the fewer texts it fits).
/// Worked out from the pattern's text for the part of the regular-expression language the reference data uses (literal
/// characters and escapes, groups, alternation, `\b`, `^`, `$`, `.`, classes such as `\s` and `[...]`, quantifiers,
/// lookarounds, whose contents are passed over). A pattern with anything else (inline options, named groups,
/// back-references, escapes such as `\t`) or a word that is not ASCII gets null: nothing is claimed, and it is always
/// run.
/// </summary>
internal sealed class RequiredLiterals
{
    // The most strings a word may be joined into: enough for "(genetic|genomic) (associate|assistant)" or "st[3-8]", few
    // enough that the words stay a short list to search for.
    private const int MaxExact = 16;
    private readonly string _pattern;
    private int _position;
    private bool _unsupported;

    private RequiredLiterals(string pattern) => _pattern = pattern;

    /// <summary>The literals, or null when the pattern may match without any word this can name.</summary>
    public static IReadOnlyList<string>? Of(string pattern)
    {
        var parser = new RequiredLiterals(pattern);
        var literals = parser.Alternation().Required;
        return !parser._unsupported && parser._position == pattern.Length && literals is { Count: > 0 } && literals.All(l => Ascii.IsValid(l))
            ? literals
            : null;
    }

    private bool More => !_unsupported && _position < _pattern.Length;

    // alternation := sequence ('|' sequence)*: a match contains a literal of whichever branch matched, so all of them
    // are needed; a branch that needs none makes the alternation need none. The alternation matches exactly one of a few
    // strings when every branch does (its Exact strings, for the sequence around it to join onto).
    private (List<string>? Required, List<string>? Exact) Alternation()
    {
        var all = new List<string>();
        var exact = new List<string>();
        while (true)
        {
            var branch = Sequence();
            all = branch.Required is null ? null : all?.Concat(branch.Required).ToList();
            exact = branch.Exact is null ? null : exact?.Concat(branch.Exact).ToList();
            if (More && _pattern[_position] == '|')
            {
                _position++;
                continue;
            }

            exact = exact?.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return (all?.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), exact is { Count: <= MaxExact } ? exact : null);
        }
    }

    // sequence := (atom quantifier?)*: every item that must occur is needed, so any one of them will do; the one whose
    // shortest word is longest is kept (a long word is met by chance more rarely). Items that each match exactly one of a
    // few strings, once each, one after another, make one word of each way through them ("molecular (genetic|pathology)"
    // makes "molecular genetic" and "molecular pathology"; "st[3-8]" makes "st3" to "st8"), as long as there are at most
    // MaxExact ways; \b, ^ and $ match no character and leave the words either side.
    private (List<string>? Required, List<string>? Exact) Sequence()
    {
        List<string>? best = null;
        List<string> word = [string.Empty];
        List<string>? exact = [string.Empty];

        void EndWord()
        {
            best = Better(best, word);
            word = [string.Empty];
        }

        while (More && _pattern[_position] is not ('|' or ')'))
        {
            var (ways, inner, zeroWidth) = Atom();
            var occurs = Occurrences();
            if (_unsupported)
            {
                return (null, null);
            }

            if (zeroWidth)
            {
                EndWord();
            }
            else if (ways is not null && occurs == Occurs.Once)
            {
                word = Joined(word, ways) ?? Restarted(ways);
                exact = exact is null ? null : Joined(exact, ways);
            }
            else
            {
                EndWord();
                exact = null;
                // Repeated, what it matches is there at least once; a group that is not one of a few strings needs its words.
                if (occurs != Occurs.Optional && (occurs == Occurs.Repeated && ways is not null ? ways : inner) is { } needed)
                {
                    best = Better(best, needed);
                }
            }
        }

        EndWord();
        return (best, exact);

        // More ways than MaxExact: the word so far is kept as a candidate, and a new one starts with these ways.
        List<string> Restarted(List<string> ways)
        {
            EndWord();
            return ways;
        }
    }

    /// <summary>Every way of <paramref name="before"/> followed by every way of <paramref name="after"/>; null past <see cref="MaxExact"/>.</summary>
    private static List<string>? Joined(List<string> before, List<string> after) =>
        before.Count * after.Count > MaxExact ? null : [.. before.SelectMany(b => after.Select(a => b + a)).Distinct(StringComparer.OrdinalIgnoreCase)];

    // A candidate with an empty way ("(genetic|)+") needs nothing, and is never better.
    private static List<string>? Better(List<string>? current, List<string> candidate) =>
        candidate.Min(l => l.Length) == 0 ? current
        : current is null || candidate.Min(l => l.Length) > current.Min(l => l.Length) ? candidate
        : current;

    // atom := literal | escape | '(' ('?:')? alternation ')' | class | '.' | '^' | '$'. Ways: the strings the atom matches,
    // when it matches exactly one of a few (a character, a small class, a group of literal branches); Inner: the words
    // it needs otherwise.
    private (List<string>? Ways, List<string>? Inner, bool ZeroWidth) Atom()
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
                return lookaround ? (null, null, true) : (inner.Exact, inner.Required, false);
            case '[':
                // One character of a set. Skipped to its closing bracket (a ']' first in the set is a member). A set with an
                // escape or a nested set (subtraction, [a-z-[aeiou]]) may close elsewhere: not understood.
                var close = _pattern.IndexOf(']', _position + (_pattern.AsSpan(_position).StartsWith("^]") ? 2 : _pattern.AsSpan(_position).StartsWith("]") ? 1 : 0));
                if (close < 0 || _pattern.AsSpan(_position, close - _position).ContainsAny('\\', '['))
                {
                    return Unsupported();
                }

                var members = _pattern[_position..close];
                _position = close + 1;
                return (Members(members), null, false);
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
                    _ when !char.IsAsciiLetterOrDigit(escaped) && escaped < 128 => ([char.ToLowerInvariant(escaped).ToString()], null, false),
                    _ => Unsupported(),
                };
            case '\\' or '*' or '+' or '?' or '{' or '|' or ')':
                return Unsupported();
            default:
                return ([char.ToLowerInvariant(c).ToString()], null, false);
        }
    }

    /// <summary>
    /// The characters of a set, lower-cased, when they are a few ASCII ones ("3-8", "ab"); null for a negated set, a
    /// character outside ASCII, or more than <see cref="MaxExact"/> of them.
    /// </summary>
    private static List<string>? Members(string set)
    {
        if (set.StartsWith('^'))
        {
            return null;
        }

        var members = new HashSet<char>();
        for (var i = 0; i < set.Length; i++)
        {
            // A '-' between two members is a range; first or last it is itself.
            var (from, to) = i + 2 < set.Length && set[i + 1] == '-' ? (set[i], set[i += 2]) : (set[i], set[i]);
            if (from > to || to >= 128 || to - from >= MaxExact)
            {
                return null;
            }

            for (var m = from; m <= to; m++)
            {
                members.Add(char.ToLowerInvariant(m));
            }
        }

        return members.Count is > 0 and <= MaxExact ? [.. members.Order().Select(m => m.ToString())] : null;
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

    private (List<string>?, List<string>?, bool) Unsupported()
    {
        _unsupported = true;
        return (null, null, false);
    }
}
