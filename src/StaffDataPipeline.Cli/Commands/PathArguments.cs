using System.CommandLine;
using System.CommandLine.Parsing;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// A path argument that takes any number of words also takes a mistyped option ("--warehouse" for "--database"),
/// which would then be tried as a file and reported as missing, perhaps after a warehouse was created. A word that
/// looks like an option and names nothing on disk is a usage error (exit 2) before anything is touched, and the
/// message lists the options the command has.
/// </summary>
internal static class PathArguments
{
    public static Argument<string[]> RefusingMistypedOptions(this Argument<string[]> paths)
    {
        paths.Validators.Add(NoMistypedOptions);
        return paths;
    }

    private static void NoMistypedOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Select(t => t.Value).Where(v => v.StartsWith('-') && SourcePaths.DoesNotExist(v)))
        {
            result.AddError($"'{token}' is not an option of this command; its options are {OptionsInScope(result)} (see --help). A file whose name begins with '-' can be given as ./-name.");
        }
    }

    /// <summary>The command's own options, then the ones its parents share with it (--database, --reference-data…).</summary>
    private static string OptionsInScope(ArgumentResult result)
    {
        var command = ((CommandResult)result.Parent!).Command;
        var shared = Ancestors(command).SelectMany(p => p.Options).Where(o => o.Recursive);
        return string.Join(", ", command.Options.Concat(shared).Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal));
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
}
