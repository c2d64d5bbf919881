using System.CommandLine;
using StaffDataPipeline.Excel.Template;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata survey-template`: the blank return (template version 1) to send to organisations.</summary>
internal static class SurveyTemplateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where to write the .xlsx.", Required = true };
        var command = new Command("survey-template", "Write the blank survey return template (version 1) as an .xlsx workbook.") { output };
        command.SetAction((parse, _) => GlobalOptions.RunWithoutServicesAsync(parse, () =>
        {
            var path = parse.GetValue(output)!;
            SurveyWorkbookWriter.Write(path, new SurveyWorkbookSpec());
            Console.WriteLine($"Blank survey return template (version 1) written to {path}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
