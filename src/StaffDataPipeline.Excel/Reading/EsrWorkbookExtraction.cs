using ExcelDataReader;
using StaffDataPipeline.Excel.Safety;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// An open ESR report workbook, positioned just past its header row: streams the rows below it off ExcelDataReader's
/// forward-only reader into one reused record, with the CSV extractor's semantics (cleaned, trimmed text, null when
/// blank; row numbers as Excel shows them; blank rows skipped; duplicate columns checked). A cell is turned into text
/// only when a field asks for it, once per row, so personal columns are never read, and any column the header match
/// names is served without a list of columns to keep in step. The bytes are hashed again after the last row, because a
/// workbook is read by random access rather than as one stream.
/// </summary>
internal sealed class EsrWorkbookExtraction : IExtraction, IHasHeaderNames, ISourceRecord
{
    private readonly SourceFile _file;
    private readonly IExcelDataReader _reader;
    private readonly string _sheet;
    private readonly int _headerRow;
    private readonly WorkbookLimits _limits;
    private readonly int[] _columnOfField;
    private readonly DuplicateColumnCheck _duplicates;
    private readonly Func<int, string?> _cell;
    private readonly HashSet<(int Row, int Column)> _uncalculated;
    private readonly HashSet<int> _uncalculatedRows;
    private string?[] _cells = [];
    private long[] _readAtRow = [];

    /// <param name="uncalculated">The sheet's formula cells that carry no value (<see cref="UncalculatedFormulas"/>): read as blank, they would load "not given" where there is a figure.</param>
    public EsrWorkbookExtraction(SourceFile file, IExcelDataReader reader, string sheet, int headerRow, HeaderMatch header, IReadOnlyList<string> headerNames, WorkbookLimits limits, HashSet<(int Row, int Column)>? uncalculated = null)
    {
        _uncalculated = uncalculated ?? [];
        _uncalculatedRows = [.. _uncalculated.Select(c => c.Row)];
        _file = file;
        _reader = reader;
        _sheet = sheet;
        _headerRow = headerRow;
        _limits = limits;
        Header = header;
        HeaderNames = headerNames;
        _duplicates = new DuplicateColumnCheck(file.FileName, header);
        _cell = CellAt;
        _columnOfField = header.ColumnByField();
    }

    public HeaderMatch Header { get; }

    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>The row number Excel shows, counting the banner lines and the header above the data.</summary>
    public long RowNumber { get; private set; }

    /// <summary>
    /// A cell the row is read by holds a formula never calculated; otherwise null (cells have positions, so a short row
    /// cannot shift its values into other columns as in a CSV).
    /// </summary>
    public RecordDefect? Defect { get; private set; }

    public IEnumerable<ISourceRecord> Records()
    {
        foreach (var record in WorkbookDamage.Guard(_file, ReadRecords()))
        {
            yield return record;
        }

        // Only the header row's sheet is read: a second sheet of an ESR report is notes or a pivot, not more staff.
        SourceFileReader.VerifyUnchanged(_file);
    }

    public string? Field(EsrField field)
    {
        var column = _columnOfField[(int)field];
        return column < 0 ? null : CellAt(column);
    }

    public void Dispose() => _reader.Dispose();

    // The current row's cell as text, converted at most once per row.
    private string? CellAt(int column)
    {
        if (column < 0 || column >= _reader.FieldCount)
        {
            return null;
        }

        if (column >= _cells.Length)
        {
            Array.Resize(ref _cells, _reader.FieldCount);
            Array.Resize(ref _readAtRow, _reader.FieldCount);
        }

        if (_readAtRow[column] != RowNumber)
        {
            _cells[column] = CellText.Of(_reader.GetValue(column));
            _readAtRow[column] = RowNumber;
        }

        return _cells[column];
    }

    private IEnumerable<ISourceRecord> ReadRecords()
    {
        var row = _headerRow;
        while (_reader.Read())
        {
            row++;
            if (row > _limits.MaxRows || _reader.FieldCount > _limits.MaxColumns)
            {
                throw new FileRejectedException("WORKBOOK_TOO_BIG", $"{_file.FileName}, sheet '{_sheet}': more than {_limits.MaxRows:N0} rows or {_limits.MaxColumns:N0} columns, more than Excel allows.");
            }

            // A row of nothing but formulas never calculated (copied down below the data) is as blank as it reads.
            if (IsBlank())
            {
                continue;
            }

            RowNumber = row;
            Defect = _uncalculatedRows.Contains((int)row) ? Uncalculated((int)row) : null;
            if (_duplicates.IsNeeded)
            {
                _duplicates.Check(RowNumber, _cell);
            }

            yield return this;
        }
    }

    private RecordDefect? Uncalculated(int row)
    {
        foreach (var column in _columnOfField)
        {
            if (column >= 0 && _uncalculated.Contains((row, column)))
            {
                return new RecordDefect(
                    "FORMULA_NOT_CALCULATED",
                    $"The cell in column '{HeaderNames[column]}' holds a formula that was never calculated, so its value is unknown; the row was not read. Open the workbook in Excel or LibreOffice, save it (which calculates it), and load it again.");
            }
        }

        return null;
    }

    // A row with nothing in any cell, read or not (a spacer line, or formatting carried past the data).
    private bool IsBlank()
    {
        for (var c = 0; c < _reader.FieldCount; c++)
        {
            switch (_reader.GetValue(c))
            {
                case null or DBNull:
                    continue;
                case string s when string.IsNullOrWhiteSpace(s):
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }
}
