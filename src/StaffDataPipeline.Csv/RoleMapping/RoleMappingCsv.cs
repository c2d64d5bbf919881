using CsvHelper;
using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Csv.RoleMapping;

/// <summary>
/// `staffdata map-roles`: reads any CSV with some of position_title, staff_group, occupation_code, area_of_work,
/// job_role, cost_centre, grade, grade_code (others pass through) and writes the same rows with role_code, rule,
/// grade_normalised, service_area and service_area_rule appended: what a load would decide for each post. Columns that
/// identify or describe a person (HeaderMatch.PersonLevelColumns: identifiers, dates, age and the headings
/// header-aliases.csv lists as Personal) are left out: the output is meant to be read, passed on and opened in Excel, and
/// no decision needs them. A heading the aliases do not know passes through (a reference, a note, a count).
/// </summary>
public static class RoleMappingCsv
{
    private static readonly string[] Inputs = ["position_title", "staff_group", "occupation_code", "area_of_work", "job_role", "cost_centre", "grade", "grade_code"];

    /// <summary>Writes to a file through a temporary file and a rename; refuses to write over its own input.</summary>
    public static RoleMappingResult MapToFile(string inputPath, string outputPath, ReferenceDataSet reference)
    {
        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw new IOException($"--output {outputPath} is the input file; choose another name, so that the input is kept.");
        }

        RoleMappingResult? result = null;
        AtomicFile.Write(outputPath, writer =>
        {
            result = Map(inputPath, writer, reference);
            return result.Rows;
        });
        return result!;
    }

    public static RoleMappingResult Map(string inputPath, TextWriter output, ReferenceDataSet reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var inspected = Extraction.SourceFileReader.Inspect(inputPath);

        // Read as a load reads it: the delimiter the header shows (';', tab, pipe) and the title lines above it skipped.
        var encoding = TextFileEncoding.For(inspected, null);
        var detected = Esr.EsrDelimiter.Detect(inputPath, encoding, reference.Aliases);
        using var reader = CsvFiles.OpenReader(inputPath, encoding, separator: detected?.Separator ?? ',');
        Esr.EsrCsvExtractor.SkipToHeader(reader, detected?.LinesAbove ?? 0);
        var header = HeaderOf(reader, inputPath);

        // The snake_case names fold to ESR headings ("grade_code" meets "Grade Code"), so one alias match finds both.
        var match = reference.Aliases.Match(header);
        if (!MappingFields.Any(match.Has))
        {
            var hint = TitleHint(match) is { } titles ? $" ({titles})" : string.Empty;
            throw new InvalidDataException($"{Path.GetFileName(inputPath)}: the header has none of the columns {string.Join(", ", Inputs)}{hint}.");
        }

        // A row is read as a load reads it: the same descriptors, the same choice between pay band and grade code.
        var row = new CsvRow(reader, match);
        var grades = new GradeNotations(match, reference.Grades);
        // A column with no heading cannot be judged either: it is left out with the person-level ones.
        var leftOut = new SortedSet<int>(match.PersonLevelColumns().Concat(Enumerable.Range(0, header.Length).Where(i => header[i].Length == 0)));
        var kept = Enumerable.Range(0, header.Length).Where(i => !leftOut.Contains(i)).ToArray();
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        csv.WriteRecord([.. kept.Select(i => SpreadsheetSafe.Cell(header[i])), "role_code", "rule", "grade_normalised", "service_area", "service_area_rule"]);
        long rows = 0;
        while (Next(reader, inputPath))
        {
            var input = EsrRowNormaliser.MappingInputOf(row, grades);
            var decision = reference.Mapper.Map(input);
            var area = reference.ServiceAreas.Decide(input.AreaOfWork, input.CostCentre);
            // A short row is padded so that the decisions stay under their headings; a field beyond the header has no
            // heading to judge it by, so it is not passed on.
            foreach (var i in kept)
            {
                csv.WriteField(i < reader.FieldCount ? SpreadsheetSafe.Cell(reader.GetString(i)) : string.Empty);
            }

            csv.WriteField(decision.RoleCode);
            csv.WriteField(decision.RuleId);
            csv.WriteField(decision.Grade.Code);
            csv.WriteField(area.ServiceAreaCode);
            csv.WriteField(area.RuleId);
            csv.EndRecord();
            rows++;
        }

        return new RoleMappingResult(rows, [.. leftOut.Select(i => header[i].Length > 0 ? header[i] : $"column {i + 1} (no heading)")], match.UnknownColumns)
        {
            Hint = match.Has(EsrField.PositionTitle) || match.Has(EsrField.JobRole) ? null : TitleHint(match),
        };
    }

    // "Title" is a person's title (Mr, Dr) to the aliases: job titles headed so are left out, which must be said.
    private static string? TitleHint(HeaderMatch match) =>
        match.PersonalColumnsDropped.Any(h => string.Equals(HeaderName.Fold(h), HeaderName.Fold("Title"), StringComparison.Ordinal))
            ? "'Title' is read as a person's title, such as Mr or Dr, and left out: head the job titles position_title"
            : null;

    private static string[] HeaderOf(CsvReader reader, string inputPath)
    {
        try
        {
            return [.. reader.Headers.Select(CsvFiles.CleanHeader)];
        }
        catch (CsvFormatException)
        {
            throw new InvalidDataException($"{Path.GetFileName(inputPath)}: the header cannot be read as CSV (a quote is never closed, or the line is impossibly long): fix the first line, or save the sheet again as CSV, and try again.");
        }
    }

    private static bool Next(CsvReader reader, string inputPath)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(inputPath)}, row {ex.RecordNumber}: the CSV cannot be parsed (a quoted field is never closed, a quote stands inside an unquoted field, or a record is impossibly long): fix that row, or save the sheet again as CSV, and try again.");
        }
    }

    private static readonly EsrField[] MappingFields =
        [EsrField.PositionTitle, EsrField.StaffGroup, EsrField.OccupationCode, EsrField.AreaOfWork, EsrField.JobRole, EsrField.CostCentre, EsrField.Grade, EsrField.GradeCode];

    /// <summary>The reader's current row, seen through the header match as a load sees a record.</summary>
    private sealed class CsvRow(CsvReader reader, HeaderMatch match) : ISourceRecord
    {
        public long RowNumber => reader.RowNumber + 1;

        public RecordDefect? Defect => null;

        public string? Field(EsrField field) =>
            match.ColumnOf(field) is { } i && i < reader.FieldCount && reader.GetString(i).Trim() is { Length: > 0 } value ? value : null;
    }
}
