using System.Text;
using CsvHelper;

namespace StaffDataPipeline.Csv;

/// <summary>The CsvHelper reader settings every reader in this adapter shares.</summary>
internal static class CsvFiles
{
    /// <summary>A record longer than this is a broken quote swallowing the file, not a staff record.</summary>
    private const int MaxRecordBytes = 1 << 20;

    public static CsvReader OpenReader(string path, Encoding? encoding, bool referenceData = false, char separator = ',') =>
        OpenReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), encoding, referenceData, separator);

    /// <summary>Reads from a stream the reader then owns; the separator is the one chosen for the file, never guessed per row.</summary>
    /// <param name="trackLines">Count the file's lines, so that a row is named by the line it starts on (blank lines and title lines included).</param>
    public static CsvReader OpenReader(Stream stream, Encoding? encoding, bool referenceData = false, char separator = ',', bool trackLines = false)
    {
        // CsvHelper reads any UTF-8 its own way, so UTF-8 with a Windows-1252 fallback is decoded before it reads.
        if (encoding is not null && Utf8OrWindows1252.Is(encoding))
        {
            stream = Encoding.CreateTranscodingStream(stream, encoding, new UTF8Encoding(false), leaveOpen: false);
            encoding = null;
        }

        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            SkipEmptyLines = true,
            CommentPrefix = referenceData ? '#' : null,
            TrackLineNumbers = referenceData || trackLines,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = MaxRecordBytes,

            // Values may be personal data: exception messages must never carry them.
            IncludeValuesInExceptions = false,
            PoolStrings = true,
            Encoding = encoding is null || encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding,
        };
        return CsvReader.Create(stream, options, leaveOpen: false);
    }

    public static string CleanHeader(string header) => header.Trim().Trim('\uFEFF').Trim();
}
