using CsvHelper;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>An open ESR CSV: streams records straight off CsvHelper's reader, one reused record object, no row buffering.</summary>
internal sealed class EsrCsvExtraction : IExtraction, IHasHeaderNames, ISourceRecord
{
    private readonly SourceFile _file;
    private readonly CsvReader _reader;
    private readonly int[] _columnOfField;

    public EsrCsvExtraction(SourceFile file, CsvReader reader, HeaderMatch header, IReadOnlyList<string> headerNames)
    {
        _file = file;
        _reader = reader;
        Header = header;
        HeaderNames = headerNames;
        _columnOfField = Enumerable.Repeat(-1, Enum.GetValues<EsrField>().Length).ToArray();
        foreach (var (field, column) in header.Columns)
        {
            _columnOfField[(int)field] = column;
        }
    }

    public HeaderMatch Header { get; }

    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>As a spreadsheet shows it: the header is row 1, so the first record is row 2.</summary>
    public long RowNumber { get; private set; }

    public IEnumerable<ISourceRecord> Records()
    {
        while (true)
        {
            try
            {
                if (!_reader.Read())
                {
                    yield break;
                }
            }
            catch (CsvFormatException ex)
            {
                throw new FileRejectedException("MALFORMED_CSV", $"{_file.FileName}, row {ex.RecordNumber}: the CSV cannot be parsed (a quoted field is never closed, or a record is impossibly long).");
            }

            RowNumber = _reader.RowNumber + 1;
            yield return this;
        }
    }

    public string? Field(EsrField field)
    {
        var column = _columnOfField[(int)field];
        if (column < 0 || column >= _reader.FieldCount || _reader.IsEmpty(column))
        {
            return null;
        }

        var value = _reader.GetString(column);
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            value = value.Trim();
            return value.Length == 0 ? null : value;
        }

        return value;
    }

    public void Dispose() => _reader.Dispose();
}
