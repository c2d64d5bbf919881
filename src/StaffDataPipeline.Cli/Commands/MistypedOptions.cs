using System.CommandLine;
using System.CommandLine.Parsing;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// A mistyped option ("--warehouse" for "--database", "--out" for "--output") is either left over by the parser or,
/// worse, taken as the command's argument: `load` would try it as a file and report it missing (perhaps after
/// creating a warehouse), `map-roles` would read it as its input and call the real file an unknown word. Any word
/// that looks like an option, is not one, and names nothing on disk is a usage error before anything is touched, for
/// every command alike; the sentence names the command's options and the one most likely meant.
/// </summary>
internal static class MistypedOptions
{
    /// <summary>One sentence per mistyped option on the command line; empty when there is none.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult;

        // Words after "--" are the user's own say that they are not options (a title, a file named "-x").
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var words = parse.UnmatchedTokens.Concat(command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value));
        var mistyped = words.Where(LooksLikeOption).Where(w => !afterDoubleDash.Contains(w)).Where(SourcePaths.DoesNotExist).Distinct(StringComparer.Ordinal).ToList();
        if (mistyped.Count == 0)
        {
            return [];
        }

        var options = OptionsInScope(command.Command);
        var name = FullName(command);
        var takesWords = command.Command.Arguments.Count > 0 ? " A file or a title that begins with '-' can be given after '--' (staffdata " + name + " -- -name)." : string.Empty;
        return [.. mistyped.Select(word =>
            $"'{word}' is not an option of {name}{Suggestion(word, options)}; its options are {string.Join(", ", options)} (see 'staffdata {name} --help').{takesWords}")];
    }

    // "-5" is a number, "-" alone a word and "-Locum consultant" a title; an option is one word, a letter after its dashes.
    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && word.TrimStart('-') is { Length: > 0 } rest && char.IsLetter(rest[0]) && !word.Any(char.IsWhiteSpace);

    /// <summary>" (did you mean --output?)" for a prefix of one option or a near miss (two edits at most); else nothing.</summary>
    private static string Suggestion(string word, IReadOnlyList<string> options)
    {
        var typed = "--" + word.TrimStart('-');
        var prefixed = options.Where(o => o.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        var near = prefixed.Count == 1 ? prefixed[0]
            : options.Select(o => (Option: o, Distance: EditDistance(typed.ToLowerInvariant(), o))).Where(c => c.Distance <= 2).OrderBy(c => c.Distance).Select(c => c.Option).FirstOrDefault();
        return near is null ? string.Empty : $" (did you mean {near}?)";
    }

    /// <summary>The command's own long options, then the ones its parents share with it (--database, --reference-data…); --help goes without saying.</summary>
    private static List<string> OptionsInScope(Command command)
    {
        var shared = Ancestors(command).SelectMany(p => p.Options).Where(o => o.Recursive);
        return [.. command.Options.Concat(shared).Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption).Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];
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
