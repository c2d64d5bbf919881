using System.CommandLine;
using StaffDataPipeline.Cli.Commands;

var root = new RootCommand("staffdata: loads NHS genomics workforce data (ESR staff-in-post exports and survey return workbooks) into a star-schema warehouse.");
GlobalOptions.AddTo(root);
root.Add(InitCommand.Create());
root.Add(LoadCommand.Create(dryRun: false));
root.Add(LoadCommand.Create(dryRun: true));
root.Add(UnmappedCommand.Create());
root.Add(RemapCommand.Create());
root.Add(MapRolesCommand.Create());
root.Add(SurveyTemplateCommand.Create());
return await root.Parse(args).InvokeAsync();
