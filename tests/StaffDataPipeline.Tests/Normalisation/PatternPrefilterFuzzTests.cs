using System.Text;
using System.Text.RegularExpressions;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The prefilter's one promise, on patterns no one wrote: thousands of random patterns (literals, escapes, classes with
/// and without subtraction, groups of every kind, alternation with empty branches, quantifiers lazy and counted, braces
/// .NET reads as text) and, for each, texts it matches (made from the pattern itself, in random case between random
/// noise) and texts of noise alone. Wherever RequiredLiterals names words, a text the pattern matches must be one the
/// prefilter allows, read through a prefilter of its own and through one shared with 69 others. Seeded: it finds the
/// same patterns every run.
/// </summary>
public sealed class PatternPrefilterFuzzTests
{
    private readonly Random R = new(20261205);

    [Fact]
    public void No_random_pattern_matches_a_text_the_prefilter_rules_out()
    {
        var read = 0;
        var matched = 0;
        var unsound = new List<string>();
        foreach (var batch in ReadablePatterns(6_000).Chunk(70))
        {
            read += batch.Length;
            var shared = new PatternPrefilter([.. batch.Select(b => b.Pattern)]);
            var texts = batch.SelectMany(b => Enumerable.Range(0, 4).Select(_ =>
            {
                var text = new StringBuilder(Noise(R.Next(3)));
                b.Node.Gen(text);
                return text.Append(Noise(R.Next(3))).ToString();
            })).Concat(Enumerable.Range(0, 40).Select(_ => Noise(R.Next(1, 8)))).ToList();
            foreach (var text in texts)
            {
                var possible = shared.Possible(text);
                for (var i = 0; i < batch.Length; i++)
                {
                    bool matches;
                    try
                    {
                        matches = batch[i].Pattern.IsMatch(text);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        continue;
                    }

                    matched += matches ? 1 : 0;
                    if (matches && !(PatternPrefilter.MayMatch(possible, i) && PatternPrefilter.MayMatch(new PatternPrefilter([batch[i].Pattern]).Possible(text), 0)))
                    {
                        unsound.Add($"'{batch[i].Node.Pat}' matches \"{text}\" but needs [{string.Join("|", RequiredLiterals.Of(batch[i].Node.Pat)!)}]");
                    }
                }
            }
        }

        Assert.True(read > 1_000, $"only {read} random patterns were read");
        Assert.True(matched > 10_000, $"only {matched} matches were checked");
        Assert.True(unsound.Count == 0, string.Join("\n", unsound.Distinct().Take(10)));
    }

    // The same promise when a context's parts are read one by one (FieldText.ContextWords): wherever the prefilter says
    // its words stay in parts, a context the pattern matches, cut into parts by " | " at random places, must be one the
    // parts' answers together allow. The random patterns have words that end in a space or hold a '|' (" ", "\\|").
    [Fact]
    public void No_random_pattern_matches_a_context_its_parts_rule_out()
    {
        var checkedMatches = 0;
        var inParts = 0;
        var unsound = new List<string>();
        foreach (var (pattern, node) in ReadablePatterns(6_000))
        {
            var prefilter = new PatternPrefilter([pattern]);
            if (!prefilter.WordsStayInParts)
            {
                continue;
            }

            inParts++;
            for (var t = 0; t < 6; t++)
            {
                var text = new StringBuilder(Noise(R.Next(3)));
                node.Gen(text);
                text.Append(Noise(R.Next(3)));
                var parts = Cut(text.ToString());
                var context = string.Join(" | ", parts);
                bool matches;
                try
                {
                    matches = pattern.IsMatch(context);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }

                if (!matches)
                {
                    continue;
                }

                checkedMatches++;
                var possible = parts.Aggregate(0UL, (all, part) => all | prefilter.PossibleInPart(part));
                if (!PatternPrefilter.MayMatch(possible, 0))
                {
                    unsound.Add($"'{node.Pat}' matches \"{context}\" but its parts rule it out");
                }
            }
        }

        Assert.True(inParts > 500, $"only {inParts} random patterns keep their words in parts");
        Assert.True(checkedMatches > 2_000, $"only {checkedMatches} matches were checked");
        Assert.True(unsound.Count == 0, string.Join("\n", unsound.Distinct().Take(10)));
    }

    /// <summary>The random patterns, of <paramref name="tries"/>, that .NET compiles and whose words RequiredLiterals names.</summary>
    private IEnumerable<(Regex Pattern, Node Node)> ReadablePatterns(int tries)
    {
        for (var p = 0; p < tries; p++)
        {
            var node = Alt(0);
            Regex pattern;
            try
            {
                pattern = new Regex(node.Pat, Opt, TimeSpan.FromMilliseconds(200));
                _ = pattern.IsMatch("abcks ab");
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException or OverflowException)
            {
                continue;
            }

            if (RequiredLiterals.Of(node.Pat) is not null)
            {
                yield return (pattern, node);
            }
        }
    }

    /// <summary>The text cut at up to three random places.</summary>
    private List<string> Cut(string text)
    {
        var cuts = Enumerable.Range(0, R.Next(4)).Select(_ => R.Next(text.Length + 1)).Distinct().Order().ToList();
        var parts = new List<string>();
        var from = 0;
        foreach (var cut in cuts)
        {
            parts.Add(text[from..cut]);
            from = cut;
        }

        parts.Add(text[from..]);
        return parts;
    }

    private const RegexOptions Opt = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private sealed record Node(string Pat, Func<StringBuilder, bool> Gen, bool ZeroWidth = false);

    private char RandCase(char c) => R.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
    private const string Alpha = "abcks";
    // Small sets a word may be joined through (RequiredLiterals makes a word of each way through a few alternatives), with
    // their members as .NET reads them: the printable ASCII characters each set matches on its own.
    private static readonly (string Set, string Members)[] SmallSets = [.. new[] { "[3-8]", "[Gg]", "[A-C]", "[]-a]", "[a-c-e]", "[+-0]", "[Z-a]", "[a-p]", "[a-q]", "[0-9a-f]" }
        .Select(set => (set, string.Concat(Enumerable.Range(32, 95).Select(c => (char)c).Where(c => Regex.IsMatch(c.ToString(), "^" + set + "$", Opt)))))];

    private Node Atom(int depth)
    {
        int k = R.Next(depth > 2 ? 14 : 19);
        switch (k)
        {
            case 0: case 1: case 2: case 3: case 4:
            {
                var c = Alpha[R.Next(Alpha.Length)];
                return new(R.Next(5) == 0 ? char.ToUpperInvariant(c).ToString() : c.ToString(), sb => { sb.Append(RandCase(c)); return true; });
            }
            case 5:
            {
                var lits = new[] { " ", "-", "#", "]", "}", "\u212A", ":" };
                var c = lits[R.Next(lits.Length)];
                return new(c, sb => { sb.Append(c == "\u212A" ? (R.Next(2) == 0 ? "k" : "K") : c); return true; });
            }
            case 6:
            {
                var e = new[] { '.', '-', ' ', '/', '#', '(', ')', '[', '{', '*', '+', '?', '|', '^', '$' }[R.Next(15)];
                return new("\\" + e, sb => { sb.Append(e); return true; });
            }
            case 7:
            {
                var classes = new (string, string)[] { ("[ab]", "abAB"), ("[^a]", "bk -]"), ("[]a]", "]aA"), ("[^]a]", "bs -"), ("[a-]", "a-A"), ("[a-c]", "abcABC"), ("[k]", "kK"), ("[[]", "[") };
                var subs = new (string, string)[] { ("[a-c-[b]]", "acAC"), ("[a-z-[aeiou]]", "bcksBCKS"), ("[^a-[b]]", "cks -") };
                var all = classes.Concat(subs).ToArray();
                var (p, m) = all[R.Next(all.Length)];
                return new(p, sb => { sb.Append(m[R.Next(m.Length)]); return true; });
            }
            case 8: return new(".", sb => { sb.Append("ab -.]"[R.Next(6)]); return true; });
            case 9:
            {
                var (p, m) = new (string, string)[] { (@"\s", " "), (@"\w", "aK_1"), (@"\d", "01"), (@"\S", "a-"), (@"\W", " -"), (@"\D", "a ") }[R.Next(6)];
                return new(p, sb => { sb.Append(m[R.Next(m.Length)]); return true; });
            }
            case 10: return new(R.Next(2) == 0 ? @"\b" : @"\B", sb => true, true);
            case 11: return new(R.Next(2) == 0 ? "^" : "$", sb => true, true);
            case 12: case 13:
            {
                var c = Alpha[R.Next(Alpha.Length)];
                return new(c.ToString(), sb => { sb.Append(RandCase(c)); return true; });
            }
            case 17: return Product();
            case 18:
            {
                var (set, members) = SmallSets[R.Next(SmallSets.Length)];
                return new(set, sb => { sb.Append(members[R.Next(members.Length)]); return true; });
            }
            default:
            {
                var inner = Alt(depth + 1);
                var pre = new[] { "(", "(?:", "(?<n>", "(?=", "(?!", "(?<=", "(?<!" }[R.Next(7)];

                // A lookaround adds no text: the text around it decides whether it holds, and only matches are checked.
                return pre is "(?=" or "(?!" or "(?<=" or "(?<!"
                    ? new(pre + inner.Pat + ")", sb => true, true)
                    : new(pre + inner.Pat + ")", inner.Gen);
            }
        }
    }

    // Two to five groups or small sets side by side, each one of a few characters, sometimes with a \b, \B or lookaround
    // between: the ways through them are joined into words, up to 16 of them and past.
    private Node Product()
    {
        var items = new List<Node>();
        for (int i = 0, n = R.Next(2, 6); i < n; i++)
        {
            if (i > 0 && R.Next(4) == 0)
            {
                items.Add(new[] { new Node(@"\b", sb => true, true), new Node(@"\B", sb => true, true), new Node("(?=[a-z0-9])", sb => true, true) }[R.Next(3)]);
            }

            if (R.Next(3) == 0)
            {
                var (set, members) = SmallSets[R.Next(SmallSets.Length)];
                items.Add(new(set, sb => { sb.Append(members[R.Next(members.Length)]); return true; }));
                continue;
            }

            var ways = Enumerable.Range(0, R.Next(2, 5)).Select(_ => "abcks0123"[R.Next(9)].ToString()).Distinct().ToArray();
            items.Add(new("(?:" + string.Join("|", ways) + ")", sb => { sb.Append(RandCase(ways[R.Next(ways.Length)][0])); return true; }));
        }

        return new(string.Concat(items.Select(x => x.Pat)), sb => items.All(x => x.Gen(sb)));
    }

    private Node Quant(Node a)
    {
        // Anchors are left bare; a lookaround may be quantified too (its text is in the pattern, never in the match).
        if ((a.ZeroWidth && !a.Pat.StartsWith("(?", StringComparison.Ordinal)) || R.Next(3) != 0) return a;
        int lo, hi; string q;
        switch (R.Next(8))
        {
            case 0: q = "?"; lo = 0; hi = 1; break;
            case 1: q = "*"; lo = 0; hi = 3; break;
            case 2: q = "+"; lo = 1; hi = 3; break;
            case 3: lo = R.Next(3); hi = lo; q = $"{{{lo}}}"; break;
            case 4: lo = R.Next(3); hi = lo + 2; q = $"{{{lo},}}"; break;
            case 5: lo = R.Next(3); hi = lo + R.Next(3); q = $"{{{lo},{hi}}}"; break;
            case 6: lo = 1; hi = 1; q = "{1}"; break;
            default:
            {
                var lit = new[] { "{1, 2}", "{0, 2}", "{1,x}", "{0,x}", "{2 }", "{ 1}", "{1,|", "{0,|", "{1,2|", "{2,x|" }[R.Next(10)];
                return new(a.Pat + lit, sb => a.Gen(sb) && sb.Append(lit) is not null);
            }
        }
        if (R.Next(4) == 0) q += "?";
        return new(a.Pat + q, sb => { int n = R.Next(lo, hi + 1); for (int i = 0; i < n; i++) if (!a.Gen(sb)) return false; return true; });
    }

    private Node Seq(int depth)
    {
        int n = R.Next(depth == 0 ? 1 : 0, 6);
        var items = new List<Node>();
        for (int i = 0; i < n; i++) items.Add(Quant(Atom(depth)));
        return new(string.Concat(items.Select(x => x.Pat)), sb => items.All(x => x.Gen(sb)));
    }

    private Node Alt(int depth)
    {
        int n = R.Next(3) == 0 ? R.Next(2, 4) : 1;
        var branches = Enumerable.Range(0, n).Select(_ => Seq(depth)).ToList();
        return new(string.Join("|", branches.Select(b => b.Pat)), sb => branches[R.Next(branches.Count)].Gen(sb));
    }

    private string Noise(int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append("abcksABCKS -.]|#:{}"[R.Next(19)]);
        return sb.ToString();
    }
}
