using System.Text;
using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// The RQ3 sample as LibreOffice and Excel save it with ';', tab and pipe, and as "Unicode Text" (UTF-16 with a byte
/// order mark), made by Fixtures/esr-delimiters/make.py: each loads into a real SQLite warehouse with the same facts as
/// the comma file; files that still cannot be read are refused naming the delimiter or encoding seen, never a value.
/// </summary>
public sealed class EsrDelimiterTests : IDisposable
{
    private const string Stem = "RQ3_staff_in_post_2023-09";

    // Values from the sample's first rows: a refusal message must carry none of them.
    private static readonly string[] PersonalValues = ["Quartermaine", "Mei", "10000001", "QS292630B", "21/09/1999"];

    private readonly List<SqliteWarehouseProvider> _warehouses = [];
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _warehouses.ForEach(w => w.Dispose());
        _dir.Dispose();
    }

    [Theory]
    [InlineData("semicolon.csv", ';')]
    [InlineData("excel-semicolon.csv", ';')]
    [InlineData("excel-semicolon-decimal-comma.csv", ';')]
    [InlineData("tab.tsv", '\t')]
    [InlineData("pipe.csv", '|')]
    [InlineData("unicode-text.txt", '\t')]
    [InlineData("utf16-big-endian.txt", '\t')]
    [InlineData("quoted-heading.csv", ',')]
    public async Task Each_delimiter_and_encoding_loads_the_same_facts_as_the_comma_file(string variant, char delimiter)
    {
        var comma = await Load(Repository.Samples("esr", $"{Stem}.csv"));
        var other = await Load(Fixture(variant));

        Assert.Equal(FileLoadStatus.Loaded, other.Report.Status);
        Assert.Equal(delimiter, Header(Fixture(variant)).Separator);
        Assert.Equal(Counts(comma.Report), Counts(other.Report));
        Assert.True(comma.Facts.Count > 10, "the comma file loads genomics facts to compare");
        Assert.Equal(comma.Facts, other.Facts);
        Assert.Equal(comma.Rejections, other.Rejections);
    }

    [Theory]
    [InlineData("unicode-text.txt", TextEncodingGuess.Utf16LittleEndian)]
    [InlineData("utf16-big-endian.txt", TextEncodingGuess.Utf16BigEndian)]
    [InlineData("excel-semicolon.csv", TextEncodingGuess.Utf8WithBom)]
    [InlineData("semicolon.csv", TextEncodingGuess.Utf8)]
    public void The_encoding_is_recognised_by_the_byte_order_mark_before_any_scan(string variant, TextEncodingGuess expected)
    {
        Assert.Equal(expected, SourceFileReader.Inspect(Fixture(variant)).Encoding);
    }

    [Fact]
    public async Task A_utf16_byte_order_mark_wins_over_an_encoding_configured_for_8_bit_files()
    {
        var options = new LoadOptions { Encoding = "windows-1252" };

        var forced = await Load(Fixture("unicode-text.txt"), options);
        var detected = await Load(Fixture("unicode-text.txt"));

        Assert.Equal(FileLoadStatus.Loaded, forced.Report.Status);
        Assert.Equal(detected.Facts, forced.Facts);
    }

    [Fact]
    public async Task A_file_of_one_column_is_refused_naming_the_delimiter_it_seems_to_use_and_no_value()
    {
        var report = (await Load(Fixture("colon.csv"))).Report;

        Assert.Equal((FileLoadStatus.Rejected, "UNRECOGNISED_FORMAT"), (report.Status, report.ReasonCode));
        Assert.Contains($"{Stem}_colon.csv", report.Message, StringComparison.Ordinal);
        Assert.Contains("read as UTF-8, its header line is one column: the delimiter looks like ':', which is not read", report.Message, StringComparison.Ordinal);
        AssertNoPersonalValue(report.Message);
    }

    [Fact]
    public async Task An_ods_release_given_to_load_is_refused_naming_the_command_that_imports_it()
    {
        var release = _dir.File("etrust.csv.gz");
        File.Copy(Repository.OdsRelease, release);

        var report = (await Load(release)).Report;

        Assert.Equal((FileLoadStatus.Rejected, "UNRECOGNISED_FORMAT"), (report.Status, report.ReasonCode));
        Assert.Contains("it is a gzip-compressed file, not a CSV export: an NHS ODS release (.csv.gz) is imported with `staffdata organisations import <file>`", report.Message, StringComparison.Ordinal);

        // What the file is and what to do are said; the general description of an ESR export would only bury them.
        Assert.DoesNotContain("an ESR export needs a header row", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpacked_ods_release_given_to_load_is_refused_naming_the_command_and_no_value()
    {
        var release = _dir.File("etrust.csv");
        using (var packed = new System.IO.Compression.GZipStream(File.OpenRead(Repository.OdsRelease), System.IO.Compression.CompressionMode.Decompress))
        using (var unpacked = File.Create(release))
        {
            packed.CopyTo(unpacked);
        }

        var report = (await Load(release)).Report;

        Assert.Equal("UNRECOGNISED_FORMAT", report.ReasonCode);
        Assert.Contains("it looks like an NHS ODS release (no header row; an organisation code, its name, and an open date in the 11th column), not an ESR export: import it with `staffdata organisations import <file>`", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MANCHESTER", report.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("R0A", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_saved_as_one_quoted_cell_is_refused_saying_so()
    {
        var report = (await Load(Fixture("one-quoted-cell.csv"))).Report;

        Assert.Equal("UNRECOGNISED_FORMAT", report.ReasonCode);
        Assert.Contains("one column: the delimiter looks like ',', but the whole line is one quoted cell", report.Message, StringComparison.Ordinal);
        AssertNoPersonalValue(report.Message);
    }

    [Fact]
    public async Task Headings_that_are_not_staff_in_post_columns_are_counted_with_the_delimiter_and_never_shown()
    {
        var path = _dir.Write("staff_2023-09.csv", "Reference;\"Smith, Jane\";QQ123456C;Shoe Size\n1;2;3;4\n", new UTF8Encoding(true));

        var report = (await Load(path)).Report;

        Assert.Equal("UNRECOGNISED_FORMAT", report.ReasonCode);
        Assert.Contains("read as UTF-8 with ';' as the delimiter, its header line has 4 columns and none of them is a staff-in-post heading", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("QQ123456C", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Shoe", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_known_heading_is_named_as_a_field_and_the_tab_delimiter_by_name()
    {
        var path = _dir.Write("staff_2023-09.txt", "Employee Number\tShoe Size\tHat Size\n1\t2\t3\n");

        var report = (await Load(path)).Report;

        Assert.Contains("with tab as the delimiter, its header line has 3 columns and only 1 of them (employee number) is a staff-in-post heading", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_line_without_any_delimiter_is_read_past_as_a_title_and_without_a_header_below_it_is_named_as_one()
    {
        var titled = _dir.Write("staff_2023-09.csv", "Staff In Post Report\nEmployee Number,Organisation Code,Position Title,FTE\n1,RGT,Clinical Scientist,1\n");
        var headerless = _dir.Write("other_2023-09.csv", "Staff In Post Report\nShoe Size,Hat Size\n1,2\n");

        Assert.Equal(FileLoadStatus.Loaded, (await Load(titled)).Report.Status);
        var report = (await Load(headerless)).Report;
        Assert.Equal("UNRECOGNISED_FORMAT", report.ReasonCode);
        Assert.Contains("its header line is one column: it holds no comma, semicolon, tab or pipe (a title line above the header?)", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_without_a_byte_order_mark_is_refused_naming_the_encoding()
    {
        var text = File.ReadAllText(Repository.Samples("esr", $"{Stem}.csv"));
        var path = _dir.WriteBytes("no-bom.txt", Encoding.Unicode.GetBytes(text.TrimStart('\uFEFF').Replace(',', '\t')));

        var report = (await Load(path)).Report;

        Assert.Equal("UNRECOGNISED_FORMAT", report.ReasonCode);
        Assert.Contains("its bytes look like UTF-16 text without a byte order mark", report.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Quoted commas are inside one heading: split respecting quotes, ';' gives 2 columns and ',' gives 1, not 4.
    [InlineData("\"Name, first, middle, last\";\"Grade\"", ';', 2)]
    [InlineData("\"Surname, Forename\"\tEmployee Number\tOrganisation Code", '\t', 3)]

    // A quoted heading holding ';' in a comma file.
    [InlineData("Employee Number,\"Notes; see guidance\",Organisation Code,FTE", ',', 4)]

    // The most known headings win over the most fields: the pipes are inside headings that are not ESR's.
    [InlineData("Employee Number;Organisation Code;a|b|c|d|e", ';', 3)]
    public void The_delimiter_is_the_one_that_splits_the_header_into_the_most_known_headings_then_the_most_fields(string header, char expected, int columns)
    {
        var chosen = EsrDelimiter.Choose(header, Reference.Data.Aliases);

        Assert.Equal((expected, columns), (chosen.Separator, chosen.Headings.Count));
    }

    [Fact]
    public async Task A_total_a_count_and_an_end_of_report_line_below_the_data_are_a_footer_not_quarantined_rows()
    {
        // ESR BI's Staff in Post report saved as CSV: a blank line, a total padded part of the way, a count, a footer.
        var text = File.ReadAllText(Repository.Samples("esr", $"{Stem}.csv")).TrimEnd();
        var dataLines = text.Split('\n').Length;
        var path = _dir.Write($"{Stem}.csv", text + "\n\nTotal,,,,,,,,,,,,,25.4000\nHeadcount: 31\nEnd of Report\n");

        var loaded = await Load(path);
        var plain = await Load(Repository.Samples("esr", $"{Stem}.csv"));

        Assert.Equal(FileLoadStatus.Loaded, loaded.Report.Status);
        Assert.Equal(Counted(plain.Report), Counted(loaded.Report));
        Assert.Equal(plain.Rejections, loaded.Rejections);
        Assert.Equal([dataLines + 2L, dataLines + 3L, dataLines + 4L], loaded.Report.FooterLines);
    }

    [Fact]
    public async Task A_short_row_followed_by_records_or_a_last_record_cut_short_stays_quarantined()
    {
        var lines = File.ReadAllText(Repository.Samples("esr", $"{Stem}.csv")).TrimEnd().Split('\n');

        // A nearly empty short row in the middle is not a footer; a last record that lost its end keeps most values.
        var middle = _dir.Write("middle_2023-09.csv", string.Join('\n', [.. lines[..5], "Subtotal,,3", .. lines[5..]]) + "\n");
        var cut = _dir.Write("cut_2023-09.csv", string.Join('\n', lines[..^1]) + "\n" + string.Join(',', lines[^1].Split(',')[..2]) + "\n");

        var inMiddle = await Load(middle);
        var cutShort = await Load(cut);

        Assert.Contains((6L, "FIELD_COUNT"), inMiddle.Report.Rejections.Select(r => (r.RowNumber, r.ReasonCode)));
        Assert.Empty(inMiddle.Report.FooterLines);
        Assert.Contains(((long)lines.Length, "FIELD_COUNT"), cutShort.Report.Rejections.Select(r => (r.RowNumber, r.ReasonCode)));
        Assert.Empty(cutShort.Report.FooterLines);
    }

    [Fact]
    public async Task More_short_lines_below_the_data_than_a_footer_has_are_all_quarantined()
    {
        var text = File.ReadAllText(Repository.Samples("esr", $"{Stem}.csv")).TrimEnd();
        var path = _dir.Write("damaged_2023-09.csv", text + "\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"Note {i},x\n")));

        var report = (await Load(path)).Report;

        Assert.Empty(report.FooterLines);
        Assert.Equal(11, report.Rejections.Count(r => r.ReasonCode == "FIELD_COUNT" && r.RowNumber > text.Split('\n').Length));
    }

    private static (long Read, long Loaded, long OutOfScope, long Excluded, long Rejected) Counted(FileLoadReport report) =>
        (report.Counts.Read, report.Counts.Loaded, report.Counts.OutOfScope, report.Counts.Excluded, report.Counts.Rejected);

    [Theory]
    [InlineData("excel-title-lines.csv", 3)]
    [InlineData("unicode-text-european.txt", 2)]
    public async Task Title_lines_above_the_header_are_read_past_and_rows_keep_the_numbers_a_spreadsheet_shows(string variant, int linesAbove)
    {
        var comma = await Load(Repository.Samples("esr", $"{Stem}.csv"));
        var other = await Load(Fixture(variant));

        Assert.Equal(FileLoadStatus.Loaded, other.Report.Status);
        Assert.Equal(linesAbove, Header(Fixture(variant)).LinesAbove);
        Assert.Equal(Counts(comma.Report), Counts(other.Report));
        Assert.True(comma.Facts.Count > 10, "the comma file loads genomics facts to compare");
        Assert.Equal(comma.Facts.Select(f => (f.SourceRow + linesAbove, f.Values)), other.Facts);
        Assert.Equal(comma.Rejections.Select(r => ShiftRow(r, linesAbove)), other.Rejections);
    }

    // A quarantined row ("row|column|reason"), moved down by the title lines above the header.
    private static string ShiftRow(string line, int by)
    {
        var parts = line.Split('|');
        parts[0] = (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + by).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join('|', parts);
    }

    private static void AssertNoPersonalValue(string? message)
    {
        Assert.NotNull(message);
        foreach (var value in PersonalValues)
        {
            Assert.DoesNotContain(value, message, StringComparison.Ordinal);
        }
    }

    private static (long, long, long, long, long) Counts(FileLoadReport report) =>
        (report.Counts.Read, report.Counts.Loaded, report.Counts.OutOfScope, report.Counts.Excluded, report.Counts.Rejected);

    private static string Fixture(string variant) => Repository.Fixture(Path.Combine("esr-delimiters", $"{Stem}_{variant}"));

    private static EsrDelimiter Header(string path)
    {
        var source = SourceFileReader.Inspect(path);
        return EsrDelimiter.Detect(path, Csv.TextFileEncoding.For(source, null), Reference.Data.Aliases)!;
    }

    private async Task<Loaded> Load(string path, LoadOptions? options = null)
    {
        var warehouse = new SqliteWarehouseProvider();
        _warehouses.Add(warehouse);
        var report = (await TestPipeline.Create(warehouse.CreateWarehouse(Reference.Data), options: options).RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
        if (report.Status != FileLoadStatus.Loaded)
        {
            return new Loaded(report, [], []);
        }

        var facts = WarehouseFacts.Of(warehouse.DatabasePath);
        var rejections = warehouse.Query<string>("SELECT row_number || '|' || column_name || '|' || reason_code FROM rejected_row ORDER BY row_number, column_name");
        return new Loaded(report, facts, rejections);
    }

    private sealed record Loaded(FileLoadReport Report, IReadOnlyList<(long SourceRow, string Values)> Facts, IReadOnlyList<string> Rejections);
}
