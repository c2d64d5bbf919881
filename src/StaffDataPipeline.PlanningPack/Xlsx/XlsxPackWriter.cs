using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// The planning pack as an Excel workbook: one worksheet per pack sheet, text and tables as styled cells, each chart
/// as a native chart over figures written under it. Every text is an inline string (no cell is ever a formula), and
/// the same document gives the same bytes: relationship ids are named, nothing records a time, and the zip entries
/// carry one fixed date.
/// </summary>
public sealed class XlsxPackWriter : IPackWriter
{
    public string Extension => ".xlsx";

    public void Write(PackDocument document, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(destination);
        // Excel refuses a workbook with no sheet; an empty pack still says what it is.
        var sheets = document.Sheets.Count > 0 ? document.Sheets : [new PackSheet("Pack", document.Title, [])];
        SheetNames.Check(sheets);
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Named relationship ids throughout: the SDK would otherwise invent random ones.
            var workbook = package.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            var styles = new XlsxStyles();
            var list = new Sheets();
            var chartNumber = 0;
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var relationship = $"rIdSheet{id}";
                var part = workbook.AddNewPart<WorksheetPart>(relationship);
                chartNumber = new XlsxSheetLayout(document, sheet, styles).Write(part, chartNumber);
                list.Append(new Sheet { Id = relationship, SheetId = id, Name = sheet.Name });
                id++;
            }

            // Written last: the sheets above register the styles they use.
            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = styles.Build();
            workbook.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), list);
            workbook.Workbook.Save();
        }

        DeterministicZip.Copy(buffer, destination);
    }
}
