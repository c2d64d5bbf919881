using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StaffDataPipeline.Excel.Template;

/// <summary>Writes a survey return workbook (template version 1) as .xlsx.</summary>
public static class SurveyWorkbookWriter
{
    public static void Write(string path, SurveyWorkbookSpec spec)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
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
            var part = workbook.AddNewPart<WorksheetPart>();
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
            data.Append(Row(row++, [label, value]));
        }

        part.Worksheet = new Worksheet(data);
    }

    private static void FillData(WorksheetPart part, SurveyWorkbookSpec spec, string title, string[] headings, IReadOnlyList<object?[]> lines, bool totalRow)
    {
        var data = new SheetData();
        uint row = 1;
        for (var b = 0; b < spec.BannerRows; b++)
        {
            data.Append(Row(row++, b == 0 ? [title] : []));
        }

        data.Append(Row(row++, headings));
        var first = row;
        foreach (var line in lines)
        {
            data.Append(Row(row++, line));
        }

        if (totalRow && lines.Count > 0)
        {
            var cells = new object?[headings.Length];
            cells[0] = "Total";
            for (var c = 2; c < headings.Length; c++)
            {
                var column = ColumnName(c);
                var cached = lines.Sum(l => c < l.Length && l[c] is IConvertible v && v is not string ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : 0);
                cells[c] = new Formula($"SUM({column}{first}:{column}{row - 1})", cached);
            }

            data.Append(Row(row++, cells));
        }

        part.Worksheet = new Worksheet(data);
        if (spec.BannerRows > 0)
        {
            part.Worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{ColumnName(headings.Length - 1)}1" }));
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

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>A formula with the value Excel would have cached for it.</summary>
    public sealed record Formula(string Expression, double Cached);
}
