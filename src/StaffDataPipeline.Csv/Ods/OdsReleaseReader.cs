using System.Globalization;
using CsvHelper;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Csv.Ods;

/// <summary>
/// Reads an NHS ODS trust and site release (etrust.csv and its kind: no header row, quoted columns; code, name,
/// national grouping, high level health geography, address, postcode, open date, close date, …). Plain or gzipped.
/// </summary>
public static class OdsReleaseReader
{
    private const int Code = 0, Name = 1, NationalGrouping = 2, OpenDate = 10, CloseDate = 11;

    public static IReadOnlyList<OdsOrganisation> Read(string path)
    {
        using var stream = GzipFile.OpenRead(path);
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false, Separator = ',', Encoding = System.Text.Encoding.Latin1 }, leaveOpen: false);
        var organisations = new List<OdsOrganisation>();
        var line = 0;
        while (reader.Read())
        {
            line++;
            if (reader.FieldCount < CloseDate + 1)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}, line {line}: {reader.FieldCount} columns; an ODS trust and site release has at least {CloseDate + 1} (code, name, grouping, …, open date, close date).");
            }

            var code = reader.GetString(Code).Trim().ToUpperInvariant();
            if (code.Length is not (3 or 5) || !code.All(char.IsAsciiLetterOrDigit))
            {
                // The value is not quoted: a wrong file (an ESR export picked by mistake) may hold personal data.
                throw new InvalidDataException($"{Path.GetFileName(path)}, line {line}: the first column is not a 3-character trust or 5-character site code; is this an ODS trust and site release (etrust.csv)?");
            }

            organisations.Add(new OdsOrganisation(
                code,
                ReadableName.Of(reader.GetString(Name)),
                code.Length == 5 ? code[..3] : null,
                Blank(reader.GetString(NationalGrouping)),
                Date(reader.GetString(OpenDate), path, line),
                Date(reader.GetString(CloseDate), path, line)));
        }

        return organisations;
    }

    /// <summary>
    /// Whether a file's first line reads as the first line of a release: enough columns, a trust or site code first,
    /// and an open date where a release has it. For the refusal of a release given to `load` (no value is shown).
    /// </summary>
    public static bool LooksLikeRelease(IReadOnlyList<string> firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);
        return firstLine.Count >= CloseDate + 1
            && firstLine[Code].Trim() is { Length: 3 or 5 } code && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            && DateOnly.TryParseExact(firstLine[OpenDate].Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string value, string path, int line) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidDataException($"{Path.GetFileName(path)}, line {line}: an open or close date is not a date (yyyymmdd).");
}
