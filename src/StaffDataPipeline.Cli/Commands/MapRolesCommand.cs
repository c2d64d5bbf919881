using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Csv.RoleMapping;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata map-roles`: how the workforce team tries a rule change on a list of titles before a load.</summary>
internal static class MapRolesCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A CSV with any of: position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade." };
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of to the screen (cells are made safe to open in Excel; the input is never overwritten)." };
        var command = new Command("map-roles", "Append role_code, rule, grade_normalised, service_area and service_area_rule to every row of a CSV, using the current rules.") { input, output };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), services =>
        {
            var reference = services.GetRequiredService<ReferenceDataSet>();
            var path = parse.GetValue(input)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path}: no such file.");
            }

            RoleMappingResult result;
            if (parse.GetValue(output) is { } file)
            {
                result = RoleMappingCsv.MapToFile(path, file, reference);
                Console.Error.WriteLine($"{result.Rows} row(s) mapped with taxonomy {reference.Taxonomy.Version} into {file}");
            }
            else
            {
                result = RoleMappingCsv.Map(path, Console.Out, reference);
                Console.Out.Flush();
            }

            if (result.ColumnsLeftOut.Count > 0)
            {
                Console.Error.WriteLine($"Left out because they identify or describe a person (no rule needs them): {string.Join(", ", result.ColumnsLeftOut)}");
            }

            if (result.Hint is { } hint)
            {
                Console.Error.WriteLine($"Note: {hint}.");
            }

            if (result.UnknownColumnsPassed.Count > 0)
            {
                Console.Error.WriteLine($"Passed through as they are, under headings header-aliases.csv does not know (if one holds personal data, add it there as Personal): {string.Join(", ", result.UnknownColumnsPassed)}");
            }

            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
