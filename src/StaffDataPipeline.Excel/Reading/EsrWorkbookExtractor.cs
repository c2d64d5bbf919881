using ExcelDataReader;
using StaffDataPipeline.Excel.Safety;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// ESR staff-in-post reports saved as workbooks (.xlsx, .xls), as ESR BI exports them: a title line and a "Report run
/// on…" line above the header row. Recognised by content: a visible sheet with, in its first
/// <see cref="HeaderSignature.SearchRows"/> rows, a row naming at least two staff-in-post columns, in a workbook without a
/// survey Cover sheet. It yields the same records as the CSV extractor, so everything after extraction is unchanged.
/// </summary>
public sealed class EsrWorkbookExtractor : IExtractor
{
    // Above the survey extractor's 30 for any workbook, so an ESR report is read as one; 0 for a survey return.
    private const int Score = 40;

    private readonly HeaderAliases _aliases;
    private readonly SurveyAliases _surveyAliases;
    private readonly WorkbookLimits _limits;

    public EsrWorkbookExtractor(HeaderAliases aliases, SurveyAliases surveyAliases, WorkbookLimits? limits = null)
    {
        _aliases = aliases;
        _surveyAliases = surveyAliases;
        _limits = limits ?? DefaultLimits;
    }

    /// <summary>
    /// An ESR report of a large trust runs to tens of thousands of rows: more than a survey return may be, with the
    /// same guard against zip bombs (the compression ratio) and macros.
    /// </summary>
    public static WorkbookLimits DefaultLimits { get; } = new()
    {
        Applies = "ESR report workbooks",
        MaxFileBytes = 200_000_000,
        MaxUncompressedBytes = 2_000_000_000,
    };

    public string Name => "esr-workbook";

    public int Probe(SourceFile file)
    {
        if (WorkbookGuard.Kind(file.Path) == WorkbookKind.Neither)
        {
            return 0;
        }

        try
        {
            // The guard runs before any spreadsheet library opens the file, in the probe as in Open.
            WorkbookGuard.Check(file, _limits);
            using var reader = WorkbookReader.Open(file);
            return Signature(reader, file) is { } matched ? Score + matched : 0;
        }
        catch (Exception ex) when (ex is FileRejectedException || WorkbookDamage.IsDamage(ex))
        {
            // Not readable as a workbook: the survey extractor claims it and refuses it with the reason.
            return 0;
        }
    }

    public IExtraction Open(SourceFile file, ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = WorkbookGuard.Check(file, _limits);
        var reader = WorkbookReader.Open(file);
        try
        {
            var header = FindHeader(reader, options.Aliases, _limits, file) ?? throw new FileRejectedException(
                "ESR_NO_HEADER_ROW",
                $"{file.FileName}: no header row of ESR columns (such as 'Employee Number', 'Organisation Code', 'Position Title', 'FTE') was found in the first {HeaderSignature.SearchRows} rows of any visible sheet. Export the staff-in-post report with its column headings and load it again.");
            var uncalculated = kind == WorkbookKind.OpenXml ? UncalculatedFormulas.Find(file.Path).GetValueOrDefault(header.Sheet) : null;
            return new EsrWorkbookExtraction(file, reader, header.Sheet, header.Row, header.Match, header.Names, _limits, uncalculated);
        }
        catch (Exception ex) when (WorkbookDamage.IsDamage(ex))
        {
            reader.Dispose();
            throw WorkbookDamage.Rejection(file, ex);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How many fields the header row matches, or null when there is none or the workbook has a survey Cover sheet (its
    /// data sheets could otherwise name an ESR column or two). One pass over the sheets, reading only their top rows.
    /// </summary>
    private int? Signature(IExcelDataReader reader, SourceFile file)
    {
        int? matched = null;
        do
        {
            if (_surveyAliases.Sheet(reader.Name) == SurveySheet.Cover)
            {
                return null;
            }

            if (matched is null && WorkbookReader.IsVisible(reader) && HeaderOnThisSheet(reader, _aliases, _limits, file) is { } header)
            {
                matched = header.Match.Columns.Count;
            }
        }
        while (reader.NextResult());

        return matched;
    }

    /// <summary>Leaves the reader on the header row's sheet, just past the header row.</summary>
    private static HeaderRow? FindHeader(IExcelDataReader reader, HeaderAliases aliases, WorkbookLimits limits, SourceFile file)
    {
        do
        {
            if (WorkbookReader.IsVisible(reader) && HeaderOnThisSheet(reader, aliases, limits, file) is { } header)
            {
                return header;
            }
        }
        while (reader.NextResult());

        return null;
    }

    // The first row in the sheet's top rows that names enough staff-in-post fields; banner lines above it are passed over.
    private static HeaderRow? HeaderOnThisSheet(IExcelDataReader reader, HeaderAliases aliases, WorkbookLimits limits, SourceFile file)
    {
        for (var row = 1; row <= HeaderSignature.SearchRows && reader.Read(); row++)
        {
            if (reader.FieldCount > limits.MaxColumns)
            {
                throw new FileRejectedException("WORKBOOK_TOO_BIG", $"{file.FileName}, sheet '{reader.Name}': more than {limits.MaxColumns:N0} columns, more than Excel allows.");
            }

            var names = new string[reader.FieldCount];
            for (var c = 0; c < names.Length; c++)
            {
                names[c] = CellText.Of(reader.GetValue(c))?.Trim('\uFEFF').Trim() ?? string.Empty;
            }

            var match = aliases.Match(names);
            if (HeaderSignature.IsHeader(match))
            {
                return new HeaderRow(reader.Name, row, match, TrimTrailingBlanks(names));
            }
        }

        return null;
    }

    // A sheet is as wide as its widest row: headings end at the last one that says something.
    private static string[] TrimTrailingBlanks(string[] names)
    {
        var length = names.Length;
        while (length > 0 && names[length - 1].Length == 0)
        {
            length--;
        }

        return names[..length];
    }

    private sealed record HeaderRow(string Sheet, int Row, HeaderMatch Match, IReadOnlyList<string> Names);
}
