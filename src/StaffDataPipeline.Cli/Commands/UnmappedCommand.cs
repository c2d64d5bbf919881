using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata unmapped`: the review queue of titles no rule decided, and organisation codes not in the reference data.</summary>
internal static class UnmappedCommand
{
    public static Command Create()
    {
        var export = new Option<string?>("--export") { Description = "Write the review queue to this CSV file (safe to open in Excel)." };
        var command = new Command("unmapped", "List job titles that no mapping rule decided, and unknown organisation codes.") { export };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            if (await LoadedWarehouse.RefusedAsync(services, "there is nothing to review", ct))
            {
                return ExitCodes.Configuration;
            }

            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            var review = services.GetRequiredService<IWarehouseReview>();
            var titles = await review.UnmappedAsync(ct);
            if (parse.GetValue(export) is { } file)
            {
                ReviewQueueCsv.Write(file, titles);
                Console.WriteLine($"{titles.Count} unmapped title(s) written to {file}");
            }
            else
            {
                Console.WriteLine(titles.Count == 0 ? "No unmapped titles." : $"{titles.Count} unmapped title(s), most frequent first:");
                foreach (var t in titles)
                {
                    Console.WriteLine($"  {t.RowCount,6} rows  {t.PositionTitle}  [job role: {Blank(t.JobRole)}; staff group: {Blank(t.StaffGroup)}; occupation: {Blank(t.OccupationCode)}; area of work: {Blank(t.AreaOfWork)}]  data {Months(t)}");
                }

                if (titles.Count > 0)
                {
                    var first = titles[0];
                    var area = string.IsNullOrEmpty(first.AreaOfWork) || first.AreaOfWork == "Survey return" ? string.Empty : $" --area \"{first.AreaOfWork}\"";
                    Console.WriteLine($"To see why a title was not decided: staffdata explain \"{first.PositionTitle}\"{area} (add --grade, --staff-group, --cost-centre as the post has them); to choose its role without writing a rule: staffdata override set \"{first.PositionTitle}\" <ROLE> --reference-data <the team's folder>.");
                    Console.WriteLine("Add a rule to mapping-rules.csv or an abbreviation to title-synonyms.csv (see reference-data/README.md), try it with `staffdata explain` or `staffdata map-roles`, then run `staffdata remap`.");
                }
            }

            var unknown = await review.UnknownOrganisationsAsync(ct);
            if (unknown.Count > 0)
            {
                Console.WriteLine($"{unknown.Count} organisation code(s) not in organisations.csv:");
                foreach (var o in unknown)
                {
                    Console.WriteLine($"  {o.Code}  {o.Name}  ({o.Facts} staff-in-post facts, {o.SurveyReturns} survey return(s))");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Blank(string s) => s.Length == 0 ? "-" : s;

    private static string Months(UnmappedTitle t) => (t.FirstData, t.LastData) switch
    {
        (null, _) => "no longer held",
        (var first, var last) when first == last => first,
        (var first, var last) => $"{first} to {last}",
    };
}
