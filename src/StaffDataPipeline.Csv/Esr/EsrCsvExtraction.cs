using CsvHelper;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// An open ESR CSV: streams records straight off CsvHelper's reader, one reused record object, no row buffering.
/// The bytes parsed are the bytes hashed: at the end the stream is checked against the hash taken at inspection.
/// </summary>
internal sealed class EsrCsvExtraction : IExtraction, IHasHeaderNames, ISourceRecord
{
    private readonly SourceFile _file;
    private readonly CsvReader _reader;
    private readonly VerifyingReadStream _stream;
    private readonly int[] _columnOfField;
    private readonly int _headerFields;
    private readonly DuplicateColumnCheck _duplicates;
    private readonly Func<int, string?> _cell;

    public EsrCsvExtraction(SourceFile file, CsvReader reader, VerifyingReadStream stream, HeaderMatch header, IReadOnlyList<string> headerNames)
    {
        _file = file;
        _reader = reader;
        _stream = stream;
        Header = header;
        HeaderNames = headerNames;
        _headerFields = headerNames.Count;
        _duplicates = new DuplicateColumnCheck(file.FileName, header);
        _cell = Cell;
        _columnOfField = header.ColumnByField();
    }

    public HeaderMatch Header { get; }

    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>Set where fields are not separated by commas: Excel may then write decimals with a comma.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>Title lines above the header row, so that row numbers are those a spreadsheet shows.</summary>
    public int LinesAbove { get; init; }

    /// <summary>What the reader had counted as data records when the header row was found below the title lines.</summary>
    public long RecordsAbove { get; init; }

    /// <summary>As a spreadsheet shows it: the header is row 1, so the first record is row 2.</summary>
    public long RowNumber { get; private set; }

    public RecordDefect? Defect { get; private set; }

    public IEnumerable<ISourceRecord> Records()
    {
        while (true)
        {
            try
            {
                if (!_reader.Read())
                {
                    break;
                }
            }
            catch (CsvFormatException ex)
            {
                throw new FileRejectedException("MALFORMED_CSV", $"{_file.FileName}, row {ex.RecordNumber}: the CSV cannot be parsed (a quoted field is never closed, or a record is impossibly long).");
            }

            RowNumber = _reader.RowNumber - RecordsAbove + 1 + LinesAbove;
            Defect = ShapeDefect();
            if (Defect is null && _duplicates.IsNeeded)
            {
                _duplicates.Check(RowNumber, _cell);
            }

            yield return this;
        }

        _stream.VerifyComplete();
    }

    public string? Field(EsrField field)
    {
        var column = _columnOfField[(int)field];
        return column < 0 ? null : Cell(column);
    }

    public void Dispose() => _reader.Dispose();

    private string? Cell(int column)
    {
        if (column >= _reader.FieldCount || _reader.IsEmpty(column))
        {
            return null;
        }

        var value = StoredText.Clean(_reader.GetString(column));
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            value = value.Trim();
        }

        return value.Length == 0 ? null : value;
    }

    // Fewer fields, or more that are not blank (Excel pads short rows with commas), means values have shifted.
    private RecordDefect? ShapeDefect()
    {
        var count = _reader.FieldCount;
        if (count == _headerFields)
        {
            return null;
        }

        if (count > _headerFields)
        {
            for (var c = _headerFields; c < count; c++)
            {
                if (!_reader.IsEmpty(c) && _reader.GetString(c).Trim().Length > 0)
                {
                    return Shifted(count);
                }
            }

            return null;
        }

        return Shifted(count);
    }

    private RecordDefect Shifted(int count) =>
        new("FIELD_COUNT", $"The row has {count} fields but the header has {_headerFields}, so its values cannot be matched to columns; the row was not read.");
}
