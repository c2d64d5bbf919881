using System.CommandLine;
using System.Globalization;
using StaffDataPipeline.Cli.Commands;

// Reports read the same on every machine whatever its locale (SqlClient needs ICU, so the runtime is not invariant).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

var root = new RootCommand(
    "staffdata: loads NHS genomics workforce data, ESR staff-in-post exports (.csv, or .xlsx/.xls as ESR BI saves them) and survey returns (.xlsx, .xls), into a star-schema warehouse.");
GlobalOptions.AddTo(root);
root.Add(InitCommand.Create());
root.Add(LoadCommand.Create(dryRun: false));
root.Add(LoadCommand.Create(dryRun: true));
root.Add(UnmappedCommand.Create());
root.Add(RemapCommand.Create());
root.Add(WithdrawCommand.Create());
root.Add(OverrideCommand.Create());
root.Add(MapRolesCommand.Create());
root.Add(ExplainCommand.Create());
root.Add(SurveyTemplateCommand.Create());
root.Add(SchemaScriptCommand.Create());
root.Add(OrganisationsCommand.Create());
root.Add(PlanCommand.Create());
root.Add(ServeCommand.Create());
root.Add(JobsCommand.Create());
root.Add(JobsCommand.CreateRunJob());
root.Add(HashPasswordCommand.Create());

// A mistyped command line is a usage error: exit 2 with the parser's sentences, like a wrong setting. A mistyped
// option is named on its own: the words the parser could not place after it are its value, not more mistakes.
var parse = root.Parse(args);
var mistyped = parse.Action is System.CommandLine.Help.HelpAction ? [] : MistypedOptions.Describe(parse);
if (mistyped.Count > 0)
{
    foreach (var sentence in mistyped)
    {
        await Console.Error.WriteLineAsync($"staffdata: {sentence}");
    }

    return ExitCodes.Configuration;
}

if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"staffdata: {error.Message}");
    }

    await Console.Error.WriteLineAsync("Run 'staffdata --help' (or 'staffdata <command> --help') for the options.");
    return ExitCodes.Configuration;
}

// The service stops itself on Ctrl+C or SIGTERM (rolling back the load in flight), which can take longer than the
// parser's own two-second grace; every other command is cancelled by the parser.
var serving = parse.CommandResult.Command.Name == ServeCommand.Name;
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = serving ? null : TimeSpan.FromSeconds(2) });
