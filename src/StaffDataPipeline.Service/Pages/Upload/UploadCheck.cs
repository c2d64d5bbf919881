using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Service.Pages.Upload;

/// <summary>
/// What is checked of an uploaded file before any of it is stored: a name the inbox would take (no path, no lock,
/// temporary or hidden file, a return's extension), not empty, within the size limit, and bytes that begin as that
/// kind of file does (a workbook's signature; no NUL bytes at the start of a text file unless it is UTF-16). The rest
/// (encoding, headers, rows, workbook safety) is the load's own, exactly as for a file dropped into the inbox.
/// </summary>
internal static class UploadCheck
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const int SniffBytes = 4096;

    /// <summary>The name to store the file under: the browser's name without any folder, or null when there is none.</summary>
    public static string? SafeName(string? supplied)
    {
        if (string.IsNullOrWhiteSpace(supplied))
        {
            return null;
        }

        // Browsers send a bare name, but some old ones send a whole Windows path: keep the last part only.
        var name = supplied.Replace('\\', '/').Split('/').Last().Trim();
        foreach (var bad in Path.GetInvalidFileNameChars().Concat([':', '*', '?', '"', '<', '>', '|']))
        {
            name = name.Replace(bad, '_');
        }

        return name.Length == 0 || name is "." or ".." ? null : name;
    }

    /// <summary>Why the file is refused before it is stored (a sentence), or null when it may go to the load.</summary>
    public static string? Refusal(string name, long length, long maxBytes, ReadOnlySpan<byte> start)
    {
        // The page's users send returns; what an archive holds is what they should send.
        if (SourcePaths.IsArchive(name))
        {
            return $"{name} is a compressed archive, which this page does not take: unpack it and send the workbooks or CSV exports it holds (.csv, .txt, .xlsx, .xlsm or .xls).";
        }

        if (SourcePaths.SkipReason(name) is { } skip)
        {
            return $"{name} is {skip}, which the inbox does not take either: send the workbook or CSV export itself (.csv, .txt, .xlsx, .xlsm or .xls).";
        }

        if (length == 0)
        {
            return $"{name} is empty (0 bytes): check that the right file was exported, and send it again.";
        }

        if (length > maxBytes)
        {
            return $"{name} is {length:N0} bytes, more than the {maxBytes:N0} this page takes: remove pictures and unused sheets, or ask the data engineering team to load it.";
        }

        var extension = Path.GetExtension(name).ToUpperInvariant();
        return extension switch
        {
            ".XLSX" or ".XLSM" when !start.StartsWith(Zip) =>
                $"{name} is named as an Excel workbook but its content is not one: open it in Excel, save it as .xlsx, and send that.",
            ".XLS" when !start.StartsWith(Ole) && !start.StartsWith(Zip) =>
                $"{name} is named as an Excel 97-2003 workbook but its content is not one: open it in Excel, save it as .xlsx, and send that.",
            ".CSV" or ".TXT" when LooksBinary(start) =>
                $"{name} is named as a text export but its content is not text (a workbook or another program's file renamed?): export it again as CSV, or send the workbook as .xlsx.",
            _ => null,
        };
    }

    public static int SniffLength => SniffBytes;

    private static bool LooksBinary(ReadOnlySpan<byte> start)
    {
        // UTF-16 text (with its byte order mark) is full of NULs and is read by the load.
        if (start.StartsWith(stackalloc byte[] { 0xFF, 0xFE }) || start.StartsWith(stackalloc byte[] { 0xFE, 0xFF }))
        {
            return false;
        }

        return start.Contains((byte)0) || start.StartsWith(Zip) || start.StartsWith(Ole);
    }
}
