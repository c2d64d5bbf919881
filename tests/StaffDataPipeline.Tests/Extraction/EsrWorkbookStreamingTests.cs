using System.IO.Compression;
using System.Text;
using StaffDataPipeline.Excel.Reading;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Tests.Support;
using Xunit.Abstractions;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// An ESR report workbook of 100,000 rows is streamed row by row: the managed heap does not grow with the rows read.
/// What the open workbook holds (ExcelDataReader keeps the shared-string table, here a unique name and NI number per
/// row) is measured and printed too.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class EsrWorkbookStreamingTests : IDisposable
{
    private const int Rows = 100_000;
    private readonly TempDirectory _dir = new();
    private readonly ITestOutputHelper _output;

    public EsrWorkbookStreamingTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_100k_row_report_workbook_streams_without_being_held_in_memory()
    {
        var path = _dir.File("big_staff_in_post_2023-09.xlsx");
        WriteReport(path);
        var extractor = new EsrWorkbookExtractor(Reference.Data.Aliases, Reference.Data.SurveyAliases);
        var source = SourceFileReader.Inspect(path);

        var beforeOpen = GC.GetTotalMemory(forceFullCollection: true);
        using var extraction = extractor.Open(source, new ExtractionOptions(Reference.Data.Aliases));
        var afterOpen = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0, atHalf = 0;
        decimal fte = 0;
        foreach (var record in extraction.Records())
        {
            count++;
            fte += decimal.Parse(record.Field(EsrField.Fte)!, System.Globalization.CultureInfo.InvariantCulture);
            if (count == Rows / 2)
            {
                atHalf = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var atEnd = GC.GetTotalMemory(forceFullCollection: true);
        _output.WriteLine($"{new FileInfo(path).Length:N0} bytes on disk; open workbook holds {afterOpen - beforeOpen:N0} bytes; heap after 50,000 rows {atHalf - afterOpen:N0}, after {count:N0} rows {atEnd - afterOpen:N0} bytes above the open workbook");
        Assert.Equal(Rows, count);
        Assert.Equal(Rows * 0.8m, fte);
        Assert.True(atEnd - afterOpen < 4_000_000, $"memory grew by {atEnd - afterOpen:N0} bytes while streaming");
        Assert.True(atHalf - afterOpen < 4_000_000, $"memory grew by {atHalf - afterOpen:N0} bytes half-way");
    }

    // A workbook as Excel writes one: shared strings, numbers as numbers, a title and a "Report run on" line above the header.
    private static void WriteReport(string path)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        string[] header = ["Employee Number", "Assignment Number", "Full Name", "NI Number", "Organisation Code", "Position Title", "Staff Group", "Pay Band", "FTE", "Contracted Hours", "Effective Date"];
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Shared(string s)
        {
            if (!index.TryGetValue(s, out var i))
            {
                index[s] = i = strings.Count;
                strings.Add(s);
            }

            return i;
        }

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Staff in Post" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");

        using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
        {
            sheet.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>""");
            void Text(string s) => sheet.Write($"<c t=\"s\"><v>{Shared(s)}</v></c>");
            void Number(string n) => sheet.Write($"<c><v>{n}</v></c>");
            sheet.Write("<row r=\"1\">");
            Text("Staff in Post - Assignment Level");
            sheet.Write("</row><row r=\"2\">");
            Text("Report run on 04/10/2023 08:15");
            sheet.Write("</row><row r=\"4\">");
            foreach (var h in header)
            {
                Text(h);
            }

            sheet.Write("</row>");
            for (var i = 0; i < Rows; i++)
            {
                var number = 10_000_000 + i;
                sheet.Write($"<row r=\"{i + 5}\">");
                Number(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Text($"{number}-1");
                Text($"Surname{i:D6}, Forename");
                Text($"QQ{i:D6}C");
                Text("RGT");
                Text(i % 3 == 0 ? "Clinical Scientist" : "Genetic Counsellor");
                Text("Healthcare Scientists");
                Text("Band 7");
                Number("0.80000000000000004");
                Number("30");
                Text("30/09/2023");
                sheet.Write("</row>");
            }

            sheet.Write("</sheetData></worksheet>");
        }

        using var shared = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        shared.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="{strings.Count}" uniqueCount="{strings.Count}">""");
        foreach (var s in strings)
        {
            shared.Write($"<si><t>{s}</t></si>");
        }

        shared.Write("</sst>");
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
