using System.Text;
using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Extraction;

public sealed class EsrCsvExtractorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly EsrCsvExtractor _extractor = new(Reference.Data.Aliases);

    static EsrCsvExtractorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    [InlineData("\r\n", false)]
    [InlineData("\n", false)]
    public void Reads_utf8_with_or_without_bom_and_either_line_ending(string newline, bool bom)
    {
        var text = string.Join(newline, "Employee Number,Position Title,Organisation Code", "1,Genetic Counsellor – Cancer,RGT", "2,Clinical Scientist,RJ1") + newline;
        var path = _dir.WriteBytes("f.csv", [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)]);

        var rows = Read(path);

        Assert.Equal(["Genetic Counsellor – Cancer", "Clinical Scientist"], rows.Select(r => r[EsrField.PositionTitle]));
        Assert.Equal(bom ? TextEncodingGuess.Utf8WithBom : TextEncodingGuess.Utf8, SourceFileReader.Inspect(path).Encoding);
    }

    [Fact]
    public void Detects_windows_1252_and_decodes_it()
    {
        var text = "Unique Nhs Identifier,Position Title,Ocs Code,Area Of Work\n1,Genetic Counsellor – Cancer,RGT,Génétique\n";
        var path = _dir.WriteBytes("f.csv", Encoding.GetEncoding(1252).GetBytes(text));

        var rows = Read(path);

        Assert.Equal(TextEncodingGuess.Windows1252, SourceFileReader.Inspect(path).Encoding);
        Assert.Equal("Genetic Counsellor – Cancer", rows[0][EsrField.PositionTitle]);
        Assert.Equal("Génétique", rows[0][EsrField.AreaOfWork]);
    }

    [Fact]
    public void A_utf8_file_with_rows_appended_in_windows_1252_keeps_both_spellings()
    {
        // A UTF-8 export ("–" is three bytes) with a row appended from an older Windows-1252 one ("–" is 0x96, "é" 0xE9).
        var utf8 = Encoding.UTF8.GetBytes("Employee Number,Position Title,Organisation Code\n1,Clinical Scientist – Genomics,RGT\n");
        var older = Encoding.GetEncoding(1252).GetBytes("2,Clinical Scientist – Génomique,RGT\n");
        var path = _dir.WriteBytes("f.csv", [.. utf8, .. older]);

        var rows = Read(path);

        Assert.Equal(TextEncodingGuess.Windows1252, SourceFileReader.Inspect(path).Encoding);
        Assert.Equal(["Clinical Scientist – Genomics", "Clinical Scientist – Génomique"], rows.Select(r => r[EsrField.PositionTitle]));
    }

    [Fact]
    public void An_encoding_set_per_source_overrides_detection()
    {
        // Bytes that are valid UTF-8 but were written as Windows-1252 ("Ã©" is é in UTF-8 read as 1252).
        var path = _dir.WriteBytes("f.csv", Encoding.GetEncoding(1252).GetBytes("Employee Number,Position Title,Organisation Code\n1,CafÃ©,RGT\n"));

        var asDetected = Read(path);
        var forced = Read(path, "windows-1252");

        Assert.Equal("Café", asDetected[0][EsrField.PositionTitle]);
        Assert.Equal("CafÃ©", forced[0][EsrField.PositionTitle]);
    }

    [Fact]
    public void Quoted_fields_keep_commas_and_quotes_line_breaks_become_spaces_and_rows_are_the_lines_records_start_on()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code\r\n1,\"Scientist, \"\"Senior\"\"\r\nGenomics\",RGT\r\n\r\n2,  Genetic Counsellor  ,RJ1\r\n");

        var rows = Read(path);

        Assert.Equal("Scientist, \"Senior\" Genomics", rows[0][EsrField.PositionTitle]);
        Assert.Equal("Genetic Counsellor", rows[1][EsrField.PositionTitle]);

        // The second record starts on line 5: after the first record's two lines and a blank line, which a text editor
        // and a person counting lines see (a spreadsheet shows the quoted line break within row 2, so row 4 there).
        Assert.Equal([2L, 5L], rows.Select(r => r.Row));
    }

    [Fact]
    public void Blank_lines_and_title_lines_count_so_a_quarantined_row_names_the_line_it_is_on()
    {
        // An ESR BI report saved as CSV: a title block and a blank line above the header, blank lines between records.
        var path = _dir.Write("f.csv", "Staff in Post\nReport run on 05/04/2024\n\nEmployee Number,Position Title,Organisation Code\n1,Clinical Scientist,RGT\n\n\n2,Genetic Counsellor,RJ1\n");

        var rows = Read(path);

        Assert.Equal([5L, 8L], rows.Select(r => r.Row));
    }

    [Fact]
    public void Blank_cells_read_as_missing()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code,FTE\n1,,RGT,\n");

        var row = Read(path).Single();

        Assert.Null(row[EsrField.PositionTitle]);
        Assert.Null(row[EsrField.Fte]);
        Assert.Null(row[EsrField.DateOfBirth]);
    }

    [Theory]
    [InlineData("1,Clinical Scientist,RGT\n", 3)]
    [InlineData("1,Clinical Scientist,RGT,1.0,QQ123456C\n", 5)]
    public void A_row_with_fewer_or_more_fields_than_the_header_is_marked_defective_without_its_values(string row, int fields)
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code,FTE\n" + row);

        using var extraction = _extractor.Open(SourceFileReader.Inspect(path), new ExtractionOptions(Reference.Data.Aliases));
        var defect = extraction.Records().Single().Defect;

        Assert.NotNull(defect);
        Assert.Equal("FIELD_COUNT", defect.ReasonCode);
        Assert.Contains($"{fields} fields but the header has 4", defect.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("QQ123456C", defect.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_extra_fields_from_a_spreadsheet_export_are_not_a_defect()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code,FTE\n1,Clinical Scientist,RGT,1.0,,\n");

        using var extraction = _extractor.Open(SourceFileReader.Inspect(path), new ExtractionOptions(Reference.Data.Aliases));

        Assert.Null(extraction.Records().Single().Defect);
    }

    [Fact]
    public void Two_columns_for_one_field_load_while_they_agree_and_refuse_the_file_naming_both_when_they_do_not()
    {
        var agree = _dir.Write("agree.csv", "Employee Number,Organisation Code,FTE,WTE\n1,RGT,1.0,1.0\n2,RGT,0.5,0.5\n");
        var differ = _dir.Write("differ.csv", "Employee Number,Organisation Code,FTE,WTE\n1,RGT,1.0,1.0\n2,RGT,0.5,0.8\n");

        Assert.Equal(2, Read(agree).Count);
        var error = Assert.Throws<FileRejectedException>(() => Read(differ));
        Assert.Equal("AMBIGUOUS_HEADER", error.ReasonCode);
        Assert.Contains("'FTE' and 'WTE'", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0.8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_and_nul_bytes_are_removed_from_values()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code\n1,Clinical\u0000 Scien\u0007tist\u001b,RGT\n");

        Assert.Equal("Clinical Scientist", Read(path).Single()[EsrField.PositionTitle]);
    }

    [Fact]
    public void A_file_appended_to_after_it_was_hashed_fails_as_changed_rather_than_loading_other_bytes()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code\n1,Clinical Scientist,RGT\n");
        var inspected = SourceFileReader.Inspect(path);
        File.AppendAllText(path, "2,Genetic Counsellor,RGT\n");

        using var extraction = _extractor.Open(inspected, new ExtractionOptions(Reference.Data.Aliases));

        Assert.Throws<SourceChangedException>(() => extraction.Records().ToList());
    }

    [Fact]
    public void A_file_replaced_by_other_bytes_of_the_same_length_fails_as_changed()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code\n1,Clinical Scientist,RGT\n");
        var inspected = SourceFileReader.Inspect(path);
        _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code\n2,Clinical Scientist,RGT\n");

        Assert.Throws<SourceChangedException>(() => SourceFileReader.VerifyUnchanged(inspected));
        using var extraction = _extractor.Open(inspected, new ExtractionOptions(Reference.Data.Aliases));
        Assert.Throws<SourceChangedException>(() => extraction.Records().ToList());
    }

    [Fact]
    public void Is_chosen_by_header_signature_whatever_the_extension()
    {
        var esr = _dir.Write("export.dat", "UNIQUE_NHS_IDENTIFIER,REPORTING_ORG_CODE,FTE\n1,RGT,1\n");
        var other = _dir.Write("notes.csv", "Shopping,Quantity\nMilk,2\n");
        var registry = new ExtractorRegistry().Add(_extractor);

        Assert.Same(_extractor, registry.Choose(SourceFileReader.Inspect(esr)));
        var error = Assert.Throws<FileRejectedException>(() => registry.Choose(SourceFileReader.Inspect(other)));
        Assert.Contains("notes.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_rejects_the_file_naming_the_row()
    {
        var path = _dir.Write("f.csv", "Employee Number,Position Title,Organisation Code\n1,Scientist,RGT\n2,\"Broken,RGT\n3,Other,RGT\n");

        var error = Assert.Throws<FileRejectedException>(() => Read(path));

        Assert.Contains("f.csv, row", error.Message, StringComparison.Ordinal);
        Assert.Equal("MALFORMED_CSV", error.ReasonCode);
    }

    private List<(long Row, Dictionary<EsrField, string?> Values)> ReadWithRows(string path, string? encoding = null)
    {
        using var extraction = _extractor.Open(SourceFileReader.Inspect(path), new ExtractionOptions(Reference.Data.Aliases) { EncodingName = encoding });
        return extraction.Records().Select(r => (r.RowNumber, Enum.GetValues<EsrField>().ToDictionary(f => f, r.Field))).ToList();
    }

    private List<ReadRow> Read(string path, string? encoding = null) => ReadWithRows(path, encoding).Select(r => new ReadRow(r.Row, r.Values)).ToList();

    private sealed record ReadRow(long Row, Dictionary<EsrField, string?> Values)
    {
        public string? this[EsrField field] => Values[field];
    }
}
