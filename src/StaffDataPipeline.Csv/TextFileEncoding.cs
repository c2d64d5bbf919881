using System.Text;
using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Csv;

/// <summary>Picks the decoder for a text file: forced by configuration, else what the bytes showed.</summary>
internal static class TextFileEncoding
{
    static TextFileEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The configured encoding (validated at start-up as utf-8 or windows-1252), else what the bytes showed.</summary>
    public static Encoding For(SourceFile file, string? forced) => forced?.ToUpperInvariant() switch
    {
        "UTF-8" or "UTF8" => new UTF8Encoding(false),
        "WINDOWS-1252" or "CP1252" => Encoding.GetEncoding(1252),
        null => file.Encoding == TextEncodingGuess.Windows1252 ? Encoding.GetEncoding(1252) : new UTF8Encoding(false),
        _ => throw new ArgumentException($"Unsupported encoding '{forced}'.", nameof(forced)),
    };
}
