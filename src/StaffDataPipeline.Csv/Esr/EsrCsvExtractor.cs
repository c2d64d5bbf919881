using System.Text;
using CsvHelper;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// ESR staff-in-post exports as CSV, in any of the header styles the alias list knows, separated by commas,
/// semicolons, tabs or pipes. Recognised by header signature: a file with a row, among its first 20 (below any title
/// lines a report saved from Excel keeps), naming at least two staff-in-post fields, whatever its extension.
/// </summary>
public sealed class EsrCsvExtractor : IExtractor, IExplainsRefusal
{
    private static readonly string[] WorkbookExtensions = [".XLSX", ".XLSM", ".XLS", ".XLSB"];
    private readonly HeaderAliases _aliases;

    public EsrCsvExtractor(HeaderAliases aliases) => _aliases = aliases;

    public string Name => "esr-csv";

    public int Probe(SourceFile file)
    {
        if (IsWorkbook(file))
        {
            return 0;
        }

        EsrDelimiter? header;
        try
        {
            header = EsrDelimiter.Detect(file.Path, TextFileEncoding.For(file, null), _aliases);
        }
        catch (Exception ex) when (ex is IOException or DecoderFallbackException)
        {
            return 0;
        }

        // NULs in the header are UTF-16 without its byte order mark (or not text at all): folded, "E\0m\0p\0…" would
        // still match "Employee Number", so it is refused here, where the refusal can name the encoding.
        if (header is null || header.Headings.Any(h => h.Contains('\0', StringComparison.Ordinal)))
        {
            return 0;
        }

        var match = _aliases.Match(header.Headings);
        return HeaderSignature.IsHeader(match) ? 10 + match.Columns.Count : 0;
    }

    public IExtraction Open(SourceFile file, ExtractionOptions options)
    {
        // The delimiter is chosen from the header as Probe chose it; every row is then split on it by the parser alone.
        var encoding = TextFileEncoding.For(file, options.EncodingName);
        var detected = EsrDelimiter.Detect(file.Path, encoding, options.Aliases);
        var separator = detected?.Separator ?? ',';
        var stream = new VerifyingReadStream(file);
        var reader = CsvFiles.OpenReader(stream, encoding, separator: separator, trackLines: true);
        try
        {
            SkipToHeader(reader, detected?.LinesAbove ?? 0);
            var headerNames = reader.Headers.Select(CsvFiles.CleanHeader).ToArray();
            if (headerNames.All(h => h.Length == 0))
            {
                throw new FileRejectedException("EMPTY_FILE", $"{file.FileName}: the file has no header row.");
            }

            // Where ';', tab or pipe separates fields, a comma in a number can only be Excel's decimal comma.
            return new EsrCsvExtraction(file, reader, stream, options.Aliases.Match(headerNames), headerNames) { DecimalComma = separator != ',', Parallelism = options.Parallelism };
        }
        catch (CsvFormatException ex)
        {
            reader.Dispose();
            throw new FileRejectedException("MALFORMED_CSV", $"{file.FileName}, row {ex.RecordNumber}: the header cannot be read as CSV.");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    // Title lines above the header (an ESR BI report saved from Excel) are read past, and the header row becomes the
    // reader's header; rows are named by the line they start on, title lines counted.
    internal static void SkipToHeader(CsvReader reader, int linesAbove)
    {
        if (linesAbove == 0)
        {
            return;
        }

        _ = reader.Headers;
        for (var i = 0; i < linesAbove; i++)
        {
            if (!reader.Read())
            {
                return;
            }
        }

        reader.ReadHeader();
    }

    public string? Explain(SourceFile file) => IsWorkbook(file) ? null : new EsrRefusal(file, _aliases).Explain();

    // A file named as a workbook is never read as CSV, whatever its bytes: it is the workbook reader's to refuse.
    private static bool IsWorkbook(SourceFile file) => WorkbookExtensions.Contains(Path.GetExtension(file.Path).ToUpperInvariant());
}
