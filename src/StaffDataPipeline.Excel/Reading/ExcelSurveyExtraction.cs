using ExcelDataReader;
using StaffDataPipeline.Excel.Safety;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// An open return. The first pass reads only the top of each sheet (to classify it and find its header) and the
/// small cover; the second pass streams the data sheets row by row. Hidden sheets are ignored.
/// </summary>
internal sealed class ExcelSurveyExtraction : ISurveyExtraction
{
    private const int MaxCoverRows = 200;
    private readonly SourceFile _file;
    private readonly IExcelDataReader _reader;
    private readonly WorkbookLimits _limits;
    private readonly List<SheetLayout> _layouts = [];
    private readonly IReadOnlyDictionary<string, HashSet<(int Row, int Column)>> _uncalculated;
    private readonly List<HiddenRows> _hidden = [];

    public ExcelSurveyExtraction(SourceFile file, IExcelDataReader reader, SurveyAliases aliases, WorkbookLimits limits, IReadOnlyDictionary<string, HashSet<(int Row, int Column)>> uncalculated)
    {
        _file = file;
        _reader = reader;
        _limits = limits;
        _uncalculated = uncalculated;
        try
        {
            Cover = ReadLayoutAndCover(aliases);
        }
        catch (Exception ex) when (WorkbookDamage.IsDamage(ex))
        {
            throw WorkbookDamage.Rejection(file, ex);
        }
    }

    public SurveyCover Cover { get; }

    public IReadOnlyList<HiddenRows> HiddenRows => _hidden;

    public IEnumerable<ISurveyRecord> Records() => WorkbookDamage.Guard(_file, ReadRecords());

    public void Dispose() => _reader.Dispose();

    private SurveyCover ReadLayoutAndCover(SurveyAliases aliases)
    {
        var cover = new Dictionary<CoverField, string>();
        var cells = new Dictionary<CoverField, string>();
        string? coverSheet = null;
        var index = 0;
        do
        {
            if (!string.Equals(_reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase))
            {
                index++;
                continue;
            }

            var byName = aliases.Sheet(_reader.Name);
            var top = ReadTop(byName == SurveySheet.Cover ? MaxCoverRows : SheetClassifier.HeaderSearchRows);
            if (byName == SurveySheet.Cover || (byName is null && cover.Count == 0 && CoverValues(top, aliases).Count >= 2))
            {
                foreach (var (field, (value, cell)) in CoverValues(top, aliases))
                {
                    // A label left blank still names the cell a refusal points to.
                    if (value is null ? cells.TryAdd(field, cell) : cover.TryAdd(field, value))
                    {
                        cells[field] = cell;
                        coverSheet ??= _reader.Name;
                    }
                }
            }
            else if (SheetClassifier.FindHeader(top, aliases, byName) is { } header && _layouts.All(l => l.Kind != header.Kind))
            {
                _layouts.Add(new SheetLayout(index, _reader.Name, header.Kind, header.Row, header.Columns, header.Headings));
            }

            index++;
        }
        while (_reader.NextResult());

        if (cover.Count == 0 && _layouts.Count == 0)
        {
            // Chosen because it is a workbook, yet it is neither kind: say what each kind needs.
            throw new FileRejectedException(
                "WORKBOOK_UNRECOGNISED",
                $"{_file.FileName}: the workbook is neither a survey return (no Cover sheet: a sheet named 'Cover', or one with labels such as 'Organisation ODS code' and 'Return period') nor an ESR staff-in-post report (no header row naming ESR columns such as 'Employee Number', 'Organisation Code', 'Position Title' and 'FTE' in the first {Headers.HeaderSignature.SearchRows} rows of a visible sheet). Load a return made from the survey template, or export the ESR report with its column headings.");
        }

        if (cover.Count == 0)
        {
            throw new FileRejectedException("SURVEY_NO_COVER", $"{_file.FileName}: no Cover sheet was found (a sheet named 'Cover', or one with labels such as 'Organisation ODS code' and 'Return period').");
        }

        if (_layouts.Count == 0)
        {
            throw new FileRejectedException("SURVEY_NO_DATA_SHEET", $"{_file.FileName}: no Workforce, Demand or Comments sheet was found (looked for a header row naming the template's columns in the first {SheetClassifier.HeaderSearchRows} rows of each visible sheet).");
        }

        return new SurveyCover(
            cover.GetValueOrDefault(CoverField.OrganisationCode),
            cover.GetValueOrDefault(CoverField.OrganisationName),
            cover.GetValueOrDefault(CoverField.OrganisationType),
            cover.GetValueOrDefault(CoverField.ReturnPeriod),
            cover.GetValueOrDefault(CoverField.ServiceArea),
            cover.GetValueOrDefault(CoverField.TemplateVersion))
        {
            SheetName = coverSheet ?? "Cover",
            Cells = cells,
        };
    }

    private IEnumerable<ISurveyRecord> ReadRecords()
    {
        _reader.Reset();
        var index = 0;
        do
        {
            var current = index++;
            var layout = _layouts.FirstOrDefault(l => l.Index == current);
            if (layout is null)
            {
                continue;
            }

            var record = new Record(layout, _uncalculated.GetValueOrDefault(layout.Name));
            var row = 0;
            while (_reader.Read())
            {
                row++;
                if (row > _limits.MaxRows || _reader.FieldCount > _limits.MaxColumns)
                {
                    throw new FileRejectedException("WORKBOOK_TOO_BIG", $"{_file.FileName}, sheet '{layout.Name}': more than {_limits.MaxRows:N0} rows or {_limits.MaxColumns:N0} columns, more than Excel allows.");
                }

                if (row <= layout.HeaderRow + 1)
                {
                    continue;
                }

                record.Load(_reader, row);

                // A hidden row (height 0) is treated like a hidden sheet: not loaded, and reported if it holds anything.
                if (_reader.RowHeight <= 0)
                {
                    if (record.HasContent)
                    {
                        NoteHidden(layout.Name, row);
                    }

                    continue;
                }

                yield return record;
            }
        }
        while (_reader.NextResult());
    }

    private void NoteHidden(string sheet, int row)
    {
        if (_hidden.Count > 0 && _hidden[^1] is { } last && last.SheetName == sheet && last.Last == row - 1)
        {
            _hidden[^1] = last with { Last = row };
        }
        else
        {
            _hidden.Add(new HiddenRows(sheet, row, row));
        }
    }

    private List<string?[]> ReadTop(int rows)
    {
        var top = new List<string?[]>();
        while (top.Count < rows && _reader.Read())
        {
            if (_reader.FieldCount > _limits.MaxColumns)
            {
                throw new FileRejectedException("WORKBOOK_TOO_BIG", $"{_file.FileName}, sheet '{_reader.Name}': more than {_limits.MaxColumns:N0} columns, more than Excel allows.");
            }

            var values = new string?[_reader.FieldCount];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = CellText.Of(_reader.GetValue(c));
            }

            top.Add(values);
        }

        return top;
    }

    // A cover is label/value pairs: a known label, then the next filled cell to its right (kept with its address, "B4").
    private static Dictionary<CoverField, (string? Value, string Cell)> CoverValues(List<string?[]> rows, SurveyAliases aliases)
    {
        var values = new Dictionary<CoverField, (string? Value, string Cell)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } label && aliases.Cover(label.TrimEnd(':')) is { } field)
                {
                    var at = Array.FindIndex(row, c + 1, v => v is not null);
                    values.TryAdd(field, at >= 0 ? (row[at]!, CellAddress.Of(r + 1, at)) : (null, CellAddress.Of(r + 1, c + 1)));

                    break;
                }
            }
        }

        return values;
    }

    private sealed class Record(SheetLayout layout, HashSet<(int Row, int Column)>? uncalculated) : ISurveyRecord
    {
        private readonly Dictionary<SurveyField, string?> _values = [];

        public SurveySheet Sheet => layout.Kind;

        public string SheetName => layout.Name;

        public long RowNumber { get; private set; }

        public void Load(IExcelDataReader reader, int row)
        {
            RowNumber = row;
            _values.Clear();
            foreach (var (field, column) in layout.Columns)
            {
                _values[field] = column < reader.FieldCount ? CellText.Of(reader.GetValue(column)) : null;
            }
        }

        public bool HasContent => _values.Values.Any(v => v is not null) || (uncalculated is not null && layout.Columns.Values.Any(c => uncalculated.Contains(((int)RowNumber, c))));

        public string? Field(SurveyField field) => _values.GetValueOrDefault(field);

        public bool IsUncalculated(SurveyField field) =>
            uncalculated is not null && layout.Columns.TryGetValue(field, out var column) && uncalculated.Contains(((int)RowNumber, column));

        public string ColumnName(SurveyField field) => layout.Headings.TryGetValue(field, out var h) ? h : field.ToString();
    }
}
