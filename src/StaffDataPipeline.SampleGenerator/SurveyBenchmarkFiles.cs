using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Xml.Linq;
using StaffDataPipeline.Excel.Template;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>
/// Survey returns for the load benchmark: a folder of ordinary returns, and the largest workbook the guard accepts (a
/// Workforce sheet of 1,048,576 rows, Excel's limit). The large sheet is streamed into the workbook's zip as XML, so
/// that generating it needs no more memory than a small one.
/// </summary>
public static class SurveyBenchmarkFiles
{
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary><paramref name="count"/> ordinary returns, one per organisation, for one period and service area.</summary>
    public static IReadOnlyList<string> WriteReturns(string folder, int count, int seed = 200)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var written = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var code = $"R{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}";
            var path = Path.Combine(folder, $"{code}_return_2024-25-Q2.xlsx");
            SurveySampleGenerator.Write(path, SurveySampleGenerator.Spec(random, code, $"Synthetic Trust {i}", "GLH", "Rare disease", 1 + (i % 3)));
            written.Add(path);
        }

        return written;
    }

    /// <summary>
    /// An ordinary return whose Workforce sheet is <paramref name="rows"/> rows long, headings included, written compactly
    /// (cells without references, strings inline) so that a full-height sheet stays within the guard's size limits.
    /// </summary>
    public static void WriteLargest(string path, int rows = 1_048_576)
    {
        var spec = SurveySampleGenerator.Spec(new Random(1), "RQ3", "Birmingham Women's and Children's NHS Foundation Trust", "GLH", "Rare disease", 3);
        SurveySampleGenerator.Write(path, spec);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var sheet = SheetPath(zip, spec.WorkforceSheetName);
        zip.GetEntry(sheet)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(sheet, CompressionLevel.Optimal).Open());
        writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{SheetNamespace}"><sheetData>""");
        WriteRow(writer, 1, SurveyWorkbookSpec.WorkforceHeadings);

        // Figures vary from line to line, as in a real return, so that the sheet compresses like one (the guard refuses
        // a workbook that expands more than 100 times: a zip bomb).
        var random = new Random(2);
        for (var r = 2; r <= rows; r++)
        {
            var line = spec.Workforce[(r - 2) % spec.Workforce.Count];
            var inPost = Math.Round((decimal)(random.NextDouble() * 20), 1);
            var vacant = Math.Round((decimal)(random.NextDouble() * 3), 1);
            WriteRow(writer, r, [line[0], line[1], (int)Math.Ceiling(inPost * 1.1m), inPost, inPost + vacant, vacant, 0, 0]);
        }

        writer.Write("</sheetData></worksheet>");
    }

    private static void WriteRow(TextWriter writer, int row, object?[] values)
    {
        writer.Write($"""<row r="{row}">""");
        for (var c = 0; c < values.Length; c++)
        {
            switch (values[c])
            {
                case null:
                    break;
                case string s:
                    writer.Write($"""<c t="inlineStr"><is><t>{SecurityElement.Escape(s)}</t></is></c>""");
                    break;
                case IConvertible number:
                    writer.Write($"""<c><v>{Convert.ToString(number, CultureInfo.InvariantCulture)}</v></c>""");
                    break;
            }
        }

        writer.Write("</row>");
    }

    private static string SheetPath(ZipArchive zip, string sheetName)
    {
        XNamespace main = SheetNamespace;
        XNamespace relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        string id;
        using (var workbook = zip.GetEntry("xl/workbook.xml")!.Open())
        {
            id = XDocument.Load(workbook).Descendants(main + "sheet").Single(s => (string?)s.Attribute("name") == sheetName).Attribute(relationships + "id")!.Value;
        }

        using var rels = zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open();
        var target = XDocument.Load(rels).Descendants(packageRelationships + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!.Value;
        return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
    }
}
