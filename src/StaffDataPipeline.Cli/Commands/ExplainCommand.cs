using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Cli.Output;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata explain "<title>"`: how the current rules decide a post's role and service area, step by step. What the workforce team runs when a count looks wrong.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var title = new Argument<string>("title") { Description = "The position title as ESR (or a survey return) wrote it, in quotes." };
        var area = new Option<string?>("--area") { Description = "Area of work." };
        var staffGroup = new Option<string?>("--staff-group") { Description = "Staff group, e.g. \"Healthcare Scientists\"." };
        var grade = new Option<string?>("--grade") { Description = "Grade or pay band, e.g. \"Band 7\", 8a, Consultant, StR." };
        var costCentre = new Option<string?>("--cost-centre") { Description = "Cost centre (code and name)." };
        var occupation = new Option<string?>("--occupation-code") { Description = "ESR occupation code, e.g. U2B." };
        var jobRole = new Option<string?>("--job-role") { Description = "ESR job role." };
        var survey = new Option<bool>("--survey") { Description = "Read the title as a role written in a survey return (always genomics workforce)." };
        var command = new Command("explain", "Show how the current rules decide a post's role and service area: the title as normalised, the abbreviations expanded, every exclusion and rule tried in order with why it did or did not match, and the decisions.")
        {
            title, area, staffGroup, grade, costCentre, occupation, jobRole, survey,
        };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), services =>
        {
            var reference = services.GetRequiredService<ReferenceDataSet>();
            var asSurvey = parse.GetValue(survey);
            var explanation = asSurvey
                ? reference.Mapper.ExplainSurveyRole(parse.GetValue(title)!, parse.GetValue(grade))
                : reference.Mapper.Explain(new MappingInput(
                    parse.GetValue(title),
                    parse.GetValue(staffGroup),
                    parse.GetValue(occupation),
                    parse.GetValue(area),
                    parse.GetValue(jobRole),
                    parse.GetValue(costCentre),
                    parse.GetValue(grade)));
            ExplanationPrinter.Print(Console.Out, parse.GetValue(title)!, explanation, reference.Taxonomy);
            if (!asSurvey)
            {
                // A survey return states its service area on its Cover sheet; an ESR post's comes from its place.
                ExplanationPrinter.PrintServiceArea(Console.Out, reference.ServiceAreas.Explain(parse.GetValue(area), parse.GetValue(costCentre)));
            }

            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
