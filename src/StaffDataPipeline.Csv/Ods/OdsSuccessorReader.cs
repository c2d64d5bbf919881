using System.Globalization;
using CsvHelper;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Csv.Ods;

/// <summary>
/// Reads ODS's successor publication (succ.csv: no header; predecessor code, successor code, type, effective date
/// yyyymmdd, primary successor indicator). A file in any other layout is refused naming the line, never guessed at.
/// </summary>
public static class OdsSuccessorReader
{
    private const int Old = 0, New = 1, Effective = 3;

    public static IReadOnlyList<OrganisationSuccessor> Read(string path)
    {
        using var stream = GzipFile.OpenRead(path);
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' }, leaveOpen: false);
        var successors = new List<OrganisationSuccessor>();
        var line = 0;
        while (reader.Read())
        {
            line++;
            var (from, to) = (Code(reader, Old), Code(reader, New));
            if (reader.FieldCount <= Effective || from is null || to is null
                || !DateOnly.TryParseExact(reader.GetString(Effective).Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}, line {line}: not an ODS successor line (expected predecessor code, successor code, type, effective date yyyymmdd, …).");
            }

            if (from != to)
            {
                successors.Add(new OrganisationSuccessor(from, to, effective));
            }
        }

        return successors;
    }

    private static string? Code(CsvReader reader, int column) =>
        column < reader.FieldCount && reader.GetString(column).Trim().ToUpperInvariant() is { Length: >= 3 and <= 5 } code && code.All(char.IsAsciiLetterOrDigit) ? code : null;
}
