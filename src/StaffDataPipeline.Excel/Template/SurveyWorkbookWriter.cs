using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StaffDataPipeline.Excel.Template;

/// <summary>Writes a survey return workbook (template version 1) as .xlsx.</summary>
public static class SurveyWorkbookWriter
{
    // Serial day 0 is 1899-12-30 in the 1900 system (as OADate) and 1904-01-01 in the 1904 system: 1462 days apart.
    private const int Days1904 = 1462;

    [ThreadStatic]
    private static bool date1904;

    public static void Write(string path, SurveyWorkbookSpec spec)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        // Explicit relationship ids: the SDK would otherwise invent random ones, and the same return would differ byte for byte.
        var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
        workbook.Workbook = new Workbook(new WorkbookProperties { Date1904 = spec.Date1904 }, new Sheets());
        AddDateStyle(workbook);
        date1904 = spec.Date1904;
        var sheets = new List<(string Name, Action<WorksheetPart> Fill, bool Hidden)>
        {
            (spec.CoverSheetName, part => FillCover(part, spec), false),

            (spec.WorkforceSheetName, part => FillData(part, spec, "Workforce in post, establishment and vacancies", SurveyWorkbookSpec.WorkforceHeadings, spec.Workforce, spec.TotalRow), false),
            (spec.DemandSheetName, part => FillData(part, spec, "Projected demand", SurveyWorkbookSpec.DemandHeadings, spec.Demand, false), false),
            (spec.CommentsSheetName, part => FillData(part, spec, "Comments", SurveyWorkbookSpec.CommentsHeadings, spec.Comments, false), false),
        };
        if (spec.ReverseSheetOrder)
        {
            sheets.Reverse();
        }

        if (spec.HiddenLookupSheet)
        {
            sheets.Add(("Lists", part => FillData(part, spec with { BannerRows = 0 }, "Lists", SurveyWorkbookSpec.WorkforceHeadings, [["GC", "Band 7", 99, 99, 99, 0, 0, 0]], false), true));
        }

        uint id = 1;
        foreach (var (name, fill, hidden) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>($"rIdSheet{id}");
            fill(part);
            var sheet = new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name };
            if (hidden)
            {
                sheet.State = SheetStateValues.Hidden;
            }

            workbook.Workbook.Sheets!.Append(sheet);
        }

        workbook.Workbook.Save();
    }

    private static void FillCover(WorksheetPart part, SurveyWorkbookSpec spec)
    {
        var data = new SheetData();
        uint row = 1;
        data.Append(Row(row++, ["NHS Genomic Medicine Service workforce return"]));
        data.Append(Row(row++, ["Please complete every cell in column B. Template version 1."]));
        row++;
        foreach (var (label, value) in spec.Cover)
        {
            data.Append(Row(row++, [.. new object?[spec.LeftMarginColumns], label, value]));
        }

        part.Worksheet = new Worksheet(data);
    }

    private static void FillData(WorksheetPart part, SurveyWorkbookSpec spec, string title, string[] headings, IReadOnlyList<object?[]> lines, bool totalRow)
    {
        var data = new SheetData();
        uint row = 1;
        for (var b = 0; b < spec.BannerRows; b++)
        {
            data.Append(Row(row++, b == 0 ? [.. new object?[spec.LeftMarginColumns], title] : []));
        }

        var margin = new object?[spec.LeftMarginColumns];
        data.Append(Row(row++, [.. margin, .. headings]));
        var first = row;
        foreach (var line in lines)
        {
            data.Append(Row(row++, [.. margin, .. line]));
        }

        if (totalRow && lines.Count > 0)
        {
            var cells = new object?[headings.Length];
            cells[0] = "Total";
            for (var c = 2; c < headings.Length; c++)
            {
                var column = ColumnName(c + spec.LeftMarginColumns);
                var cached = lines.Sum(l => c < l.Length && l[c] is IConvertible v && v is not string ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : 0);
                cells[c] = new Formula($"SUM({column}{first}:{column}{row - 1})", cached);
            }

            data.Append(Row(row++, [.. margin, .. cells]));
        }

        part.Worksheet = new Worksheet(data);
        if (spec.BannerRows > 0)
        {
            part.Worksheet.Append(new MergeCells(new MergeCell { Reference = $"{ColumnName(spec.LeftMarginColumns)}1:{ColumnName(spec.LeftMarginColumns + headings.Length - 1)}1" }));
        }
    }

    private static Row Row(uint index, object?[] values)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Length; c++)
        {
            var reference = $"{ColumnName(c)}{index}";
            switch (values[c])
            {
                case null:
                    break;
                case string s:
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) });
                    break;
                case DateTime d:
                    // Style 1 is the built-in short date format (numFmtId 14), which makes the reader return a date.
                    row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate() - (date1904 ? Days1904 : 0)) });
                    break;
                case Formula f:
                    row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(f.Expression), CellValue = new CellValue(f.Cached) });
                    break;
                case IConvertible n:
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(n, CultureInfo.InvariantCulture)) });
                    break;
            }
        }

        return row;
    }

    private static void AddDateStyle(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>A formula with the value Excel would have cached for it.</summary>
    public sealed record Formula(string Expression, double Cached);
}
