using System.Runtime.CompilerServices;
using CsvHelper;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// The current record of one CsvHelper reader, as the normaliser reads it: fields by meaning, the row number a
/// spreadsheet shows, and whether the row can be read field by field at all. One view per reader: the extraction's own
/// reader when rows are read one at a time, or each parallel worker's reader (<see cref="EsrCsvExtraction.Map{T}"/>).
/// </summary>
internal sealed class CsvRecordView : ISourceRecord
{
    private readonly int[] _columnOfField;
    private readonly int _headerFields;
    private readonly DuplicateColumnCheck _duplicates;
    private readonly Func<int, string?> _cell;

    public CsvRecordView(CsvReader reader, int[] columnOfField, int headerFields, DuplicateColumnCheck duplicates)
    {
        Reader = reader;
        _columnOfField = columnOfField;
        _headerFields = headerFields;
        _duplicates = duplicates;
        _cell = Cell;
    }

    public CsvReader Reader { get; }

    /// <summary>
    /// The line of the file the record starts on, as a spreadsheet shows its row: title lines, the header and blank
    /// lines counted (a blank line is a row in Excel too). Only a line break inside a quoted cell above, which a
    /// spreadsheet shows within its row, puts the two apart.
    /// </summary>
    public long RowNumber { get; private set; }

    public RecordDefect? Defect { get; private set; }

    /// <summary>
    /// Takes in the reader's current record: its row number and shape, and the check that columns meaning one field agree
    /// (which refuses the file, <see cref="FileRejectedException"/>, at the first row where they do not).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvRecordView Current()
    {
        RowNumber = Reader.LineNumber;
        Defect = ShapeDefect();
        if (Defect is null && _duplicates.IsNeeded)
        {
            _duplicates.Check(RowNumber, _cell);
        }

        return this;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Field(EsrField field)
    {
        var column = _columnOfField[(int)field];
        return column < 0 ? null : Cell(column);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Cell(int column)
    {
        // GetString gives "" for an empty field, quoted or not; asking IsEmpty first would decode a quoted field again.
        if (column >= Reader.FieldCount || Reader.GetString(column) is not { Length: > 0 } text)
        {
            return null;
        }

        var value = StoredText.Clean(text);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            value = value.Trim();
        }

        return value.Length == 0 ? null : value;
    }

    // Fewer fields, or more that are not blank (Excel pads short rows with commas), means values have shifted.
    private RecordDefect? ShapeDefect()
    {
        var count = Reader.FieldCount;
        if (count == _headerFields)
        {
            return null;
        }

        if (count > _headerFields)
        {
            for (var c = _headerFields; c < count; c++)
            {
                if (Written(c) is not null)
                {
                    return Shifted(count);
                }
            }

            return null;
        }

        // Two values at most in a short row, the first of them words ("Total,,,25.4", "Headcount: 31", "End of
        // Report"): a footer line if no record follows it. A record cut short starts with its identifier, a number.
        var values = 0;
        var wordsFirst = false;
        for (var c = 0; c < count && values <= 2; c++)
        {
            if (Written(c) is { } value)
            {
                wordsFirst |= values == 0 && char.IsLetter(value[0]);
                values++;
            }
        }

        return Shifted(count) with { MayBeFooter = values <= 2 && wordsFirst };
    }

    // A field's text when it holds more than blanks, for judging a row's shape (never stored, never shown).
    private string? Written(int column) => Reader.GetString(column).Trim() is { Length: > 0 } text ? text : null;

    private RecordDefect Shifted(int count) =>
        new("FIELD_COUNT", $"The row has {count} {(count == 1 ? "field" : "fields")} but the header has {_headerFields}, so its values cannot be matched to columns; the row was not read.");
}
