using System.CommandLine;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata unmapped`: the review queue of titles no rule decided, and organisation codes not in the reference data.</summary>
internal static class UnmappedCommand
{
    public static Command Create()
    {
        var export = new Option<string?>("--export") { Description = "Write the review queue to this CSV file (opens in Excel)." };
        var command = new Command("unmapped", "List job titles that no mapping rule decided, and unknown organisation codes.") { export };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            var review = services.GetRequiredService<IWarehouseReview>();
            var titles = await review.UnmappedAsync(ct);
            if (parse.GetValue(export) is { } file)
            {
                using var writer = CsvWriter.Create(new FileStream(file, FileMode.Create), CsvWriterOptions.Default, leaveOpen: false);
                writer.WriteRecord(["position_title", "staff_group", "occupation_code", "area_of_work", "job_role", "row_count", "first_seen", "last_seen"]);
                foreach (var t in titles)
                {
                    writer.WriteRecord([t.PositionTitle, t.StaffGroup, t.OccupationCode, t.AreaOfWork, t.JobRole, t.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture), t.FirstSeen, t.LastSeen]);
                }

                Console.WriteLine($"{titles.Count} unmapped title(s) written to {file}");
            }
            else
            {
                Console.WriteLine(titles.Count == 0 ? "No unmapped titles." : $"{titles.Count} unmapped title(s), most frequent first:");
                foreach (var t in titles)
                {
                    Console.WriteLine($"  {t.RowCount,6} rows  {t.PositionTitle}  [staff group: {Blank(t.StaffGroup)}; occupation: {Blank(t.OccupationCode)}; area of work: {Blank(t.AreaOfWork)}]  last seen {t.LastSeen[..10]}");
                }
            }

            var unknown = await review.UnknownOrganisationsAsync(ct);
            if (unknown.Count > 0)
            {
                Console.WriteLine($"{unknown.Count} organisation code(s) not in organisations.csv:");
                foreach (var (code, name, facts) in unknown)
                {
                    Console.WriteLine($"  {code}  {name}  ({facts} facts)");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Blank(string s) => s.Length == 0 ? "-" : s;
}
