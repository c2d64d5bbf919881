using System.CommandLine;
using System.CommandLine.Parsing;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// A mistyped option ("--warehouse" for "--database", "--out" for "--output") is either left over by the parser or,
/// worse, taken as an argument or as the value of the option before it: `load` would try it as a file and report it
/// missing (perhaps after creating a warehouse), `map-roles` would read it as its input and call the real file an
/// unknown word, `-d --acept-shrink` would create a warehouse of that name. Any word that looks like an option, is not
/// one, and names nothing on disk is a usage error before anything is touched, for every command alike; the sentence
/// names the command's options and the one most likely meant. Words after "--" are the user's own say that they are
/// not options (a title or a file beginning with '-').
/// </summary>
internal static class MistypedOptions
{
    /// <summary>One sentence per mistyped option on the command line; empty when there is none.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult;
        var options = OptionsInScope(command.Command);
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var beforeDoubleDash = doubleDash < 0 ? parse.Tokens.ToHashSet() : parse.Tokens.Take(doubleDash).ToHashSet();

        // Left over, taken as an argument, or taken as an option's value: a value that is a double-dashed word is an
        // option whose own value was forgotten ("-d --acept-shrink"), while "--reason -dup" may well be meant.
        var arguments = command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Where(beforeDoubleDash.Contains).Select(t => t.Value);
        var values = AllResults(command).OfType<OptionResult>().SelectMany(o => o.Tokens).Where(beforeDoubleDash.Contains).Select(t => t.Value)
            .Where(v => v.StartsWith("--", StringComparison.Ordinal));
        var leftOver = parse.UnmatchedTokens.Where(w => doubleDash < 0 || parse.Tokens.Take(doubleDash).Any(t => t.Value == w));
        var mistyped = leftOver.Concat(arguments).Concat(values)
            .Where(w => LooksLikeOption(w, options)).Where(SourcePaths.DoesNotExist).Distinct(StringComparer.Ordinal).ToList();
        if (mistyped.Count == 0)
        {
            return [];
        }

        var name = FullName(command);
        var help = name == "staffdata" ? "staffdata --help" : $"staffdata {name} --help";
        var escape = command.Command.Arguments.Count > 0 ? $" A file or a title that begins with '-' can be given after '--' (staffdata {name} [options] -- -name)." : string.Empty;
        return [.. mistyped.Select(word => Misplaced(word, options) is not null
            ? $"'{word}' is an option of {name} but was given before it: give it after '{name}'."
            : Misplaced(word.Split(' ', 2)[0], options) is { } joined
            ? $"'{word}' is one word where an option and its value should be two: give {joined} and its value apart, without quotes around both."
            : $"'{word}' is not an option of {name}{Suggestion(word, options)}; its options are {string.Join(", ", options)} (see '{help}').{escape}")];
    }

    /// <summary>
    /// "-5" is a number and "-" a word; an option is a letter after its dashes. A word with a space is a title
    /// ("-Locum consultant") unless it starts with an option, as a quoted "--database other.db" does.
    /// </summary>
    private static bool LooksLikeOption(string word, IReadOnlyList<string> options)
    {
        if (word.Length < 2 || word[0] != '-' || word.TrimStart('-') is not { Length: > 0 } rest || !char.IsLetter(rest[0]))
        {
            return false;
        }

        var first = word.Split(' ', 2)[0];
        return first.Length == word.Length || Misplaced(first, options) is not null || Nearest(first, options) is not null;
    }

    /// <summary>The option itself when the word is exactly one of the command's (given where the parser could not take it).</summary>
    private static string? Misplaced(string word, IReadOnlyList<string> options) =>
        options.FirstOrDefault(o => string.Equals(o, Typed(word), StringComparison.OrdinalIgnoreCase) && !word.Contains(' ', StringComparison.Ordinal));

    private static string Suggestion(string word, IReadOnlyList<string> options) =>
        Nearest(word.Split(' ', 2)[0], options) is { } near ? $" (did you mean {near}?)" : string.Empty;

    /// <summary>The one option the word starts, or that starts the word, or is within two edits of it; else null.</summary>
    private static string? Nearest(string word, IReadOnlyList<string> options)
    {
        var typed = Typed(word);
        var prefixed = options.Where(o => o.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(o, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefixed.Count == 1 ? prefixed[0]
            : options.Select(o => (Option: o, Distance: EditDistance(typed.ToLowerInvariant(), o))).Where(c => c.Distance <= 2).OrderBy(c => c.Distance).Select(c => c.Option).FirstOrDefault();
    }

    // "--out=x.csv" and "-o:x" name the option before their value.
    private static string Typed(string word) => "--" + word.TrimStart('-').Split('=', ':')[0];

    /// <summary>The command's own long options, then the ones its parents share with it (--database, --reference-data…); --help goes without saying.</summary>
    private static List<string> OptionsInScope(Command command)
    {
        var shared = Ancestors(command).SelectMany(p => p.Options).Where(o => o.Recursive);
        return [.. command.Options.Concat(shared).Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption).Select(o => o.Name)
            .Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>"map-roles", "organisations import"; "staffdata" itself for the root.</summary>
    private static string FullName(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } c; result = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names.Count == 0 ? "staffdata" : string.Join(' ', names);
    }

    /// <summary>The command's result and those of the commands above it, whose options' values count too.</summary>
    private static IEnumerable<SymbolResult> AllResults(CommandResult command)
    {
        for (SymbolResult? result = command; result is CommandResult c; result = c.Parent)
        {
            foreach (var child in c.Children)
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        foreach (var parent in command.Parents.OfType<Command>())
        {
            yield return parent;
            foreach (var ancestor in Ancestors(parent))
            {
                yield return ancestor;
            }
        }
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
