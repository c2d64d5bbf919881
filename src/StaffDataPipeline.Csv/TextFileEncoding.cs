using System.Text;
using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Csv;

/// <summary>Picks the decoder for a text file: forced by configuration, else what the bytes showed.</summary>
internal static class TextFileEncoding
{
    static TextFileEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The configured encoding (validated at start-up as utf-8 or windows-1252), else what the bytes showed. A UTF-16
    /// byte order mark wins over the setting: the setting names which 8-bit encoding a source writes, and read as
    /// either, UTF-16 is not text at all.
    /// </summary>
    public static Encoding For(SourceFile file, string? forced) => file.Encoding switch
    {
        TextEncodingGuess.Utf16LittleEndian => Encoding.Unicode,
        TextEncodingGuess.Utf16BigEndian => Encoding.BigEndianUnicode,
        _ => forced?.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => new UTF8Encoding(false),
            "WINDOWS-1252" or "CP1252" => Encoding.GetEncoding(1252),
            // Not all UTF-8: UTF-8 where it is, Windows-1252 byte by byte where it is not (Utf8OrWindows1252).
            null => file.Encoding == TextEncodingGuess.Windows1252 ? Utf8OrWindows1252.Instance : new UTF8Encoding(false),
            _ => throw new ArgumentException($"Unsupported encoding '{forced}'.", nameof(forced)),
        },
    };

    /// <summary>How a refusal names the encoding a file was read in.</summary>
    public static string Describe(Encoding encoding) => Utf8OrWindows1252.Is(encoding) ? "Windows-1252 (UTF-8 where its bytes are UTF-8)" : encoding.CodePage switch
    {
        1200 => "UTF-16 (little-endian, with a byte order mark)",
        1201 => "UTF-16 (big-endian, with a byte order mark)",
        1252 => "Windows-1252",
        _ => "UTF-8",
    };
}
