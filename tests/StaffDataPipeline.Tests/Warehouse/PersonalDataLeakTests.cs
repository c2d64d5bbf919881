using System.Text;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// Names, identifiers, NI numbers and dates of birth planted in the sample exports must not reach the warehouse file,
/// the program's output, or its logs.
/// </summary>
public sealed class PersonalDataLeakTests : IDisposable
{
    private static readonly string[] PersonalHeaders =
    [
        "Employee Number", "Assignment Number", "Full Name", "NI Number", "Date of Birth", "Unique Nhs Identifier", "Surname", "Forename",
        "Date Of Birth", "UNIQUE_NHS_IDENTIFIER", "ASSIGNMENT_NUMBER", "DATE_OF_BIRTH", "Hire Date",
    ];

    private readonly TempDirectory _dir = new();

    static PersonalDataLeakTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void No_planted_personal_value_appears_in_the_warehouse_or_the_output()
    {
        var db = _dir.File("warehouse.db");
        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "--verbose", "load", Repository.Samples("esr"), Repository.Samples("esr-broken"), Repository.Fixture("hostile"), Repository.Fixture("esr-workbooks"), "--database", db);
        var (_, unmapped, _) = CliRunner.Run(_dir.Path, null, "unmapped", "--database", db);
        Assert.Equal(1, exit);
        Assert.Contains("quarantined", output, StringComparison.Ordinal);

        var planted = PlantedValues();
        Assert.True(planted.Count > 3000, $"only {planted.Count} planted values found: the scan would prove little");

        // The ESR reports saved as workbooks were read as ESR, and their date cells are planted in the forms a leak would take.
        var inWorkbooks = WorkbookPlantedValues();
        Assert.True(inWorkbooks.Count > 1000, $"only {inWorkbooks.Count} planted values found in the workbooks");
        Assert.Contains("RQ3_staff_in_post_2023-09.xlsx: loaded", output, StringComparison.Ordinal);
        Assert.Contains("esr_record_level_RJ1_202309.xlsx: loaded", output, StringComparison.Ordinal);
        planted.UnionWith(inWorkbooks);

        // Read every byte SQLite wrote, including the write-ahead log.
        var stored = Directory.GetFiles(_dir.Path, "warehouse.db*").Select(File.ReadAllBytes).Select(b => Encoding.UTF8.GetString(b)).ToList();
        var texts = stored.Concat([output, error, unmapped]).ToList();
        var leaks = planted.Where(v => texts.Any(t => t.Contains(v, StringComparison.Ordinal))).Take(10).ToList();

        Assert.True(leaks.Count == 0, $"personal values found: {string.Join(" | ", leaks)}");
    }

    // Read with ExcelDataReader directly, not through the extractor under test: every cell of a personal column below
    // the header row, text as written, numbers whole, dates as dd/MM/yyyy and (dates of birth) as ISO too.
    private static HashSet<string> WorkbookPlantedValues()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Repository.Fixture("esr-workbooks")).Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith(".xls", StringComparison.Ordinal)))
        {
            using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(File.OpenRead(file));
            Dictionary<int, string>? columns = null;
            while (reader.Read())
            {
                if (columns is null)
                {
                    var headings = Enumerable.Range(0, reader.FieldCount).Select(c => reader.GetValue(c) as string).ToList();
                    if (headings.Count(h => h is not null) > 2)
                    {
                        columns = headings.Select((h, i) => (h, i)).Where(x => x.h is not null && PersonalHeaders.Contains(x.h)).ToDictionary(x => x.i, x => x.h!);
                    }

                    continue;
                }

                foreach (var (c, heading) in columns)
                {
                    switch (reader.GetValue(c))
                    {
                        case string s when s.Length >= 6:
                            values.Add(s);
                            break;
                        case double d:
                            if (d.ToString("0", System.Globalization.CultureInfo.InvariantCulture) is { Length: >= 6 } number)
                            {
                                values.Add(number);
                            }

                            break;
                        case DateTime dt:
                            values.Add(dt.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
                            if (heading.Contains("Birth", StringComparison.OrdinalIgnoreCase))
                            {
                                values.Add(dt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                            }

                            break;
                    }
                }
            }
        }

        return values;
    }

    private static HashSet<string> PlantedValues()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        // The hostile corpus adds malformed rows: a short row whose NI number and date of birth would shift into other columns.
        var files = Directory.GetFiles(Repository.Samples("esr")).Concat(Directory.GetFiles(Repository.Samples("esr-broken")))
            .Concat(Directory.GetFiles(Repository.Fixture("hostile"), "*_2023-09.csv").Where(f => !f.Contains("unclosed", StringComparison.Ordinal)));
        foreach (var file in files)
        {
            var encoding = StaffDataPipeline.Extraction.SourceFileReader.Inspect(file).Encoding == StaffDataPipeline.Extraction.TextEncodingGuess.Windows1252 ? Encoding.GetEncoding(1252) : null;
            using var reader = CsvHelper.CsvReader.Create(File.OpenRead(file), CsvHelper.CsvReaderOptions.Default with { Separator = ',', Encoding = encoding }, false);
            var columns = reader.Headers.Select((h, i) => (h.Trim('\uFEFF'), i)).Where(x => PersonalHeaders.Contains(x.Item1)).Select(x => x.i).ToArray();
            while (reader.Read())
            {
                foreach (var c in columns)
                {
                    var v = reader.GetString(c);

                    // Short values (a one-word forename) would match unrelated text; names are also checked in full.
                    if (v.Length >= 6)
                    {
                        values.Add(v);
                    }
                }
            }
        }

        return values;
    }
}
