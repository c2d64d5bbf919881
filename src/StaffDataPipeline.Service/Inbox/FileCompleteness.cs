namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// Whether a file in the inbox looks whole, from its own bytes rather than its size and time: a copy over a share that
/// pauses keeps its size and time unchanged for as long as it pauses, so settling alone takes it half-written.
/// A CSV (or other text) is whole when it ends with a line end; an .xlsx/.xlsm when its zip has its end-of-central-
/// directory record, which a zip writer puts last; an .xls when it fills whole 512-byte sectors, as every OLE compound
/// file does. Anything else cannot be judged from its bytes and counts as whole (size and time decide, as before).
/// </summary>
public static class FileCompleteness
{
    /// <summary>The end-of-central-directory record is 22 bytes plus a comment of at most 64 KiB, so it lies within this tail.</summary>
    private const int ZipTail = 22 + 65_535;

    private static readonly byte[] ZipLocalHeader = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEndOfDirectory = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csv", ".txt", ".tsv", ".tab", ".psv", ".dat" };
    private static readonly HashSet<string> ZipExtensions = new(StringComparer.OrdinalIgnoreCase) { ".xlsx", ".xlsm" };

    /// <summary>Null when the file looks whole; otherwise why it looks still to be arriving, in words for the log and the report.</summary>
    public static string? WhyIncomplete(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return WhyIncomplete(stream, Path.GetExtension(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: the load decides (and retries an environment failure); nothing to judge here.
            return null;
        }
    }

    private static string? WhyIncomplete(FileStream stream, string extension)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return "it is empty";
        }

        var head = new byte[(int)Math.Min(length, 4096)];
        stream.ReadExactly(head);
        // A zip's first bytes are written first: an .xlsx that does not start as one is not a workbook arriving but
        // something else under that name (a renamed CSV), which the load names at once rather than after a long wait.
        if (ZipExtensions.Contains(extension) && !head.AsSpan().StartsWith(ZipLocalHeader))
        {
            return null;
        }

        if (head.AsSpan().StartsWith(ZipLocalHeader))
        {
            var tail = Tail(stream, ZipTail);
            return tail.AsSpan().LastIndexOf(ZipEndOfDirectory) >= 0
                ? null
                : "its zip has no end-of-central-directory record yet";
        }

        if (head.AsSpan().StartsWith(OleHeader))
        {
            return length % 512 == 0 ? null : $"it is {length:N0} bytes, not a whole number of 512-byte sectors";
        }

        if (extension.Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            // An .xls that is not OLE is often a CSV or HTML saved under that name: judge it as text.
            return LooksLikeText(head) ? WhyTextIncomplete(stream) : null;
        }

        return TextExtensions.Contains(extension) || LooksLikeText(head) ? WhyTextIncomplete(stream) : null;
    }

    private static string? WhyTextIncomplete(FileStream stream)
    {
        var tail = Tail(stream, 2);
        var last = tail[^1];

        // UTF-16 puts a zero byte beside the line end: "\n\0" (little-endian) or "\0\n" (big-endian).
        var lastChar = last == 0 && tail.Length == 2 ? tail[0] : last;
        return lastChar is (byte)'\n' or (byte)'\r' ? null : "its last line has no line end";
    }

    /// <summary>Text, not binary: no NUL bytes except as UTF-16 would have them (every other byte).</summary>
    private static bool LooksLikeText(byte[] head)
    {
        var zerosEven = 0;
        var zerosOdd = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == 0)
            {
                if (i % 2 == 0)
                {
                    zerosEven++;
                }
                else
                {
                    zerosOdd++;
                }
            }
        }

        return (zerosEven == 0 && zerosOdd == 0) || (zerosEven == 0) != (zerosOdd == 0);
    }

    private static byte[] Tail(FileStream stream, int count)
    {
        var size = (int)Math.Min(stream.Length, count);
        var tail = new byte[size];
        stream.Seek(-size, SeekOrigin.End);
        stream.ReadExactly(tail);
        return tail;
    }
}
