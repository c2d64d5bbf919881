using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>A written pack workbook read back with the Open XML SDK: cells by sheet and reference, and each sheet's charts as XML.</summary>
internal sealed partial class WorkbookReader : IDisposable
{
    public static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    private readonly SpreadsheetDocument _document;

    public WorkbookReader(byte[] bytes)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = _document.WorkbookPart!;
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            SheetNames.Add(sheet.Name!);
            Cells[sheet.Name!] = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            Charts[sheet.Name!] = part.DrawingsPart?.ChartParts.Select(p => XDocument.Load(p.GetStream())).ToList() ?? [];
        }

        Styles = workbook.WorkbookStylesPart!.Stylesheet;
    }

    public List<string> SheetNames { get; } = [];

    public Dictionary<string, Dictionary<string, Cell>> Cells { get; } = [];

    public Dictionary<string, List<XDocument>> Charts { get; } = [];

    public Stylesheet Styles { get; }

    public IEnumerable<Cell> AllCells => Cells.Values.SelectMany(c => c.Values);

    public static string? Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : null;

    public static double? Number(Cell cell) => cell.DataType is null && cell.CellValue is { } v ? double.Parse(v.Text, CultureInfo.InvariantCulture) : null;

    /// <summary>The cell holding exactly <paramref name="text"/> on a sheet.</summary>
    public Cell Find(string sheet, string text) => Cells[sheet].Values.Single(c => Text(c) == text);

    public CellFormat Format(Cell cell) => (CellFormat)Styles.CellFormats!.ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The number format code a cell shows its number in ("0.0", "0.0%"; built-ins 1 and 2 as "0" and "0.00").</summary>
    public string NumberFormat(Cell cell)
    {
        var id = Format(cell).NumberFormatId?.Value ?? 0;
        return id switch
        {
            0 => "General",
            1 => "0",
            2 => "0.00",
            _ => Styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!,
        };
    }

    /// <summary>The cells a series formula such as 'North West'!$B$5:$B$15 points at, top to bottom, on the sheet it names.</summary>
    public List<Cell?> Resolve(string formula)
    {
        var match = RangePattern().Match(formula);
        Assert.True(match.Success, $"'{formula}' is not a quoted absolute range.");
        var sheet = match.Groups["sheet"].Value.Replace("''", "'", StringComparison.Ordinal);
        var column = match.Groups["c1"].Value;
        Assert.True(!match.Groups["c2"].Success || match.Groups["c2"].Value == column, $"'{formula}' spans more than one column.");
        var first = int.Parse(match.Groups["r1"].Value, CultureInfo.InvariantCulture);
        var last = match.Groups["r2"].Success ? int.Parse(match.Groups["r2"].Value, CultureInfo.InvariantCulture) : first;
        return [.. Enumerable.Range(first, last - first + 1).Select(r => Cells[sheet].GetValueOrDefault(column + r.ToString(CultureInfo.InvariantCulture)))];
    }

    public void Dispose() => _document.Dispose();

    [GeneratedRegex(@"^'(?<sheet>(?:[^']|'')+)'!\$(?<c1>[A-Z]+)\$(?<r1>\d+)(?::\$(?<c2>[A-Z]+)\$(?<r2>\d+))?$")]
    private static partial Regex RangePattern();
}
