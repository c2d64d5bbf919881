using CsvHelper;
using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Csv.RoleMapping;

/// <summary>
/// `staffdata map-roles`: reads any CSV with some of position_title, staff_group, occupation_code, area_of_work,
/// job_role, cost_centre, grade, grade_code (others pass through) and writes the same rows with role_code, rule,
/// grade_normalised, service_area and service_area_rule appended: what a load would decide for each post.
/// </summary>
public static class RoleMappingCsv
{
    private static readonly string[] Inputs = ["position_title", "staff_group", "occupation_code", "area_of_work", "job_role", "cost_centre", "grade", "grade_code"];

    /// <summary>Writes to a file through a temporary file and a rename; refuses to write over its own input.</summary>
    public static long MapToFile(string inputPath, string outputPath, RoleMapper mapper, ServiceAreaDecider serviceAreas, HeaderAliases aliases)
    {
        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw new IOException($"--output {outputPath} is the input file; choose another name, so that the input is kept.");
        }

        return AtomicFile.Write(outputPath, writer => Map(inputPath, writer, mapper, serviceAreas, aliases));
    }

    public static long Map(string inputPath, TextWriter output, RoleMapper mapper, ServiceAreaDecider serviceAreas, HeaderAliases aliases)
    {
        var inspected = Extraction.SourceFileReader.Inspect(inputPath);
        using var reader = CsvFiles.OpenReader(inputPath, TextFileEncoding.For(inspected, null));
        var header = reader.Headers.Select(CsvFiles.CleanHeader).ToArray();
        var index = Inputs.ToDictionary(i => i, i => FindColumn(header, i, aliases));
        if (index.Values.All(i => i < 0))
        {
            throw new InvalidDataException($"{Path.GetFileName(inputPath)}: the header has none of the columns {string.Join(", ", Inputs)}.");
        }

        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        csv.WriteRecord([.. header.Select(SpreadsheetSafe.Cell), "role_code", "rule", "grade_normalised", "service_area", "service_area_rule"]);
        long rows = 0;
        while (reader.Read())
        {
            string? Get(string name) => index[name] is var i && i >= 0 && i < reader.FieldCount && reader.GetString(i).Trim() is { Length: > 0 } v ? v : null;
            // A grade code stands in for a missing pay band, as in a load.
            var decision = mapper.Map(new MappingInput(Get("position_title"), Get("staff_group"), Get("occupation_code"), Get("area_of_work"), Get("job_role"), Get("cost_centre"), Get("grade") ?? Get("grade_code")));
            var area = serviceAreas.Decide(Get("area_of_work"), Get("cost_centre"));
            for (var i = 0; i < reader.FieldCount; i++)
            {
                csv.WriteField(SpreadsheetSafe.Cell(reader.GetString(i)));
            }

            csv.WriteField(decision.RoleCode);
            csv.WriteField(decision.RuleId);
            csv.WriteField(decision.Grade.Code);
            csv.WriteField(area.ServiceAreaCode);
            csv.WriteField(area.RuleId);
            csv.EndRecord();
            rows++;
        }

        return rows;
    }

    // Accepts the snake_case names and, for convenience, any ESR alias of the same field ("Position Title", "Pay Band").
    private static int FindColumn(string[] header, string name, HeaderAliases aliases)
    {
        var folded = header.Select(h => HeaderName.Fold(h)).ToArray();
        var exact = Array.IndexOf(folded, HeaderName.Fold(name));
        if (exact >= 0)
        {
            return exact;
        }

        var field = name switch
        {
            "position_title" => EsrField.PositionTitle,
            "staff_group" => EsrField.StaffGroup,
            "occupation_code" => EsrField.OccupationCode,
            "area_of_work" => EsrField.AreaOfWork,
            "job_role" => EsrField.JobRole,
            "cost_centre" => EsrField.CostCentre,
            "grade_code" => EsrField.GradeCode,
            _ => EsrField.Grade,
        };
        return aliases.Match(header).ColumnOf(field) ?? -1;
    }
}
