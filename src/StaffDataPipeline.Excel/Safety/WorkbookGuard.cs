using System.IO.Compression;
using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Excel.Safety;

/// <summary>
/// Looks at a workbook's bytes before any spreadsheet library does, and refuses what could hurt or is not a workbook:
/// too large, a zip bomb, encrypted or password-protected, macro-enabled (unless allowed), or not a spreadsheet.
/// </summary>
internal static class WorkbookGuard
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static WorkbookKind Kind(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        if (read >= 4 && head[..4].SequenceEqual(Zip))
        {
            return WorkbookKind.OpenXml;
        }

        return read == 8 && head.SequenceEqual(Compound) ? WorkbookKind.Compound : WorkbookKind.Neither;
    }

    /// <summary>
    /// What a file named as a workbook is instead, and what to do, from its first bytes: reports "exported to Excel"
    /// are often a web page or plain text with an .xls name.
    /// </summary>
    private static string WhatItIs(string path)
    {
        var head = new byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = System.Text.Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<'))
        {
            return ": it is a web page (an HTML table, as some reports' 'export to Excel' save one); open it in Excel, save it as an Excel workbook (.xlsx) or as CSV, and load that";
        }

        var printable = head.AsSpan(0, read).IndexOfAnyExceptInRange((byte)0x09, (byte)0x7E) is var at && (at < 0 || head[at] >= 0x80);
        return read > 0 && printable && text.AsSpan().IndexOfAny(',', '\t', ';') >= 0
            ? ": it is plain text, most likely CSV or tab-separated values saved with a workbook's name; rename it to .csv and load it again"
            : "; open it in Excel, save it as an Excel workbook (.xlsx), and load that";
    }

    public static WorkbookKind Check(SourceFile file, WorkbookLimits limits)
    {
        var name = file.FileName;
        if (file.Length > limits.MaxFileBytes)
        {
            throw Refuse("WORKBOOK_TOO_LARGE", $"{name}: the file is {file.Length / 1e6:N1} MB; {limits.Applies} may be at most {limits.MaxFileBytes / 1e6:N0} MB.");
        }

        var extension = Path.GetExtension(name).ToUpperInvariant();
        var kind = Kind(file.Path);
        switch (kind)
        {
            case WorkbookKind.Neither:
                throw Refuse("NOT_A_SPREADSHEET", $"{name}: the file is not a spreadsheet, whatever its extension says (it is neither an .xlsx nor an .xls workbook){WhatItIs(file.Path)}.");
            case WorkbookKind.Compound when extension is ".XLSX" or ".XLSM":
                // An .xlsx saved with a password is an encrypted package inside an OLE compound file.
                throw Refuse("WORKBOOK_ENCRYPTED", $"{name}: the workbook is password-protected or encrypted. Ask the sender for an unprotected copy.");
            case WorkbookKind.OpenXml:
                CheckPackage(file, limits, extension);
                break;
        }

        return kind;
    }

    private static void CheckPackage(SourceFile file, WorkbookLimits limits, string extension)
    {
        var name = file.FileName;
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(file.Path);
        }
        catch (InvalidDataException)
        {
            throw Refuse("NOT_A_SPREADSHEET", $"{name}: the file starts like a workbook but is not a readable one (damaged or truncated).");
        }

        using (zip)
        {
            var hasWorkbook = zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase));
            var hasMacros = zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
            if (!hasWorkbook)
            {
                throw Refuse("NOT_A_SPREADSHEET", $"{name}: the file is a zip package but not an Excel workbook (a Word document or an archive renamed?).");
            }

            // The sizes in the zip directory can be falsified, so each part is inflated and counted, stopping as soon
            // as the total passes what a real workbook of this size could hold.
            var stopAt = (long)Math.Min(limits.MaxUncompressedBytes, limits.MaxCompressionRatio * Math.Max(file.Length, 1)) + 1;
            long uncompressed = 0;
            foreach (var entry in zip.Entries)
            {
                uncompressed += Inflate(file, entry, stopAt - uncompressed);
                if (uncompressed >= stopAt)
                {
                    break;
                }
            }

            var ratio = (double)uncompressed / Math.Max(file.Length, 1);
            if (uncompressed > limits.MaxUncompressedBytes || ratio > limits.MaxCompressionRatio)
            {
                throw Refuse("WORKBOOK_ZIP_BOMB", $"{name}: the workbook decompresses to at least {uncompressed / 1e6:N0} MB ({ratio:N0} times its size on disk), over the limits of {limits.MaxUncompressedBytes / 1e6:N0} MB and {limits.MaxCompressionRatio:N0} times. It is refused as a possible zip bomb.");
            }

            if ((hasMacros || extension == ".XLSM") && !limits.AllowMacros)
            {
                throw Refuse("WORKBOOK_MACROS", $"{name}: the workbook is macro-enabled. Save it as a plain .xlsx (macros are not allowed in returns).");
            }
        }
    }

    private static long Inflate(SourceFile file, ZipArchiveEntry entry, long limit)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        try
        {
            using var stream = entry.Open();
            int read;
            while (total < limit && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            throw Refuse("WORKBOOK_DAMAGED", $"{file.FileName}: part '{entry.FullName}' of the workbook is damaged and cannot be read. Open it in Excel or LibreOffice, save it again and resend it.");
        }

        return total;
    }

    private static FileRejectedException Refuse(string code, string message) => new(code, message);
}

internal enum WorkbookKind
{
    Neither,
    OpenXml,
    Compound,
}
