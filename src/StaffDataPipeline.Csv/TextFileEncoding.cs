using System.Text;
using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Csv;

/// <summary>Picks the decoder for a text file: forced by configuration, else what the bytes showed.</summary>
internal static class TextFileEncoding
{
    static TextFileEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding For(SourceFile file, Encoding? forced) => forced ?? (file.Encoding == TextEncodingGuess.Windows1252
        ? Encoding.GetEncoding(1252)
        : new UTF8Encoding(false));
}
