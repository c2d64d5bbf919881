using System.IO.Compression;
using System.Xml;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// Finds formula cells that carry no cached value in an .xlsx (written by openpyxl, scripts and some exporters, and
/// never opened in a spreadsheet program). ExcelDataReader reads such a cell as blank, which would load "not given"
/// where there is a figure, so the cells are found here, streaming each sheet's XML once, and their lines quarantined.
/// Legacy .xls files always carry cached values.
/// </summary>
internal static class UncalculatedFormulas
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Sheet name → (1-based row, 0-based column) of every uncalculated formula cell.</summary>
    public static Dictionary<string, HashSet<(int Row, int Column)>> Find(string path)
    {
        var found = new Dictionary<string, HashSet<(int, int)>>(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(path);
        var parts = SheetParts(zip);
        foreach (var (name, part) in parts)
        {
            var entry = zip.GetEntry(part);
            if (entry is null)
            {
                continue;
            }

            using var stream = entry.Open();
            var cells = Scan(stream);
            if (cells.Count > 0)
            {
                found[name] = cells;
            }
        }

        return found;
    }

    private static HashSet<(int, int)> Scan(Stream sheet)
    {
        var cells = new HashSet<(int, int)>();
        using var xml = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        string? reference = null, type = null;
        bool formula = false, value = false;
        while (xml.Read())
        {
            if (xml.NamespaceURI != MainNs)
            {
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
            {
                (reference, type, formula, value) = (xml.GetAttribute("r"), xml.GetAttribute("t"), false, false);
                if (xml.IsEmptyElement)
                {
                    reference = null;
                }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "f")
            {
                formula = true;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                // An empty <v/> is a cached empty string only for a string formula (t="str"); otherwise it is no value.
                value = type == "str" || (!xml.IsEmptyElement && xml.ReadElementContentAsString().Length > 0);

                // Reading the content moved the reader onto the next node, which the loop's Read would step over.
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "c")
                {
                    Close(cells, reference, formula, value);
                    reference = null;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "c")
            {
                Close(cells, reference, formula, value);
                reference = null;
            }
        }

        return cells;
    }

    private static void Close(HashSet<(int, int)> cells, string? reference, bool formula, bool value)
    {
        if (reference is not null && formula && !value && Parse(reference) is { } cell)
        {
            cells.Add(cell);
        }
    }

    // "AB12" → (12, 27).
    private static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) ? (row, column - 1) : null;
    }

    // Sheet name → its part in the package, through the workbook's relationships.
    private static List<(string Name, string Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var stream = rels.Open();
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var stream = workbook.Open();
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name
                    && xml.GetAttribute("id", RelNs) is { } id && targets.TryGetValue(id, out var part))
                {
                    sheets.Add((name, part));
                }
            }
        }

        return sheets;
    }
}
