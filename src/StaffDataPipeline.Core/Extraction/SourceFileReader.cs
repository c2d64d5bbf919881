using System.Security.Cryptography;
using System.Text;

namespace StaffDataPipeline.Extraction;

/// <summary>Reads a file once, streaming, for its SHA-256 and whether its bytes are UTF-8.</summary>
public static class SourceFileReader
{
    public static SourceFile Inspect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var utf8 = true;
        var first = true;
        var bom = false;
        long length = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            if (first)
            {
                bom = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF;
                first = false;
            }

            if (utf8 && !bom)
            {
                try
                {
                    decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    utf8 = false;
                }
            }

            length += read;
        }

        var guess = bom ? TextEncodingGuess.Utf8WithBom : utf8 ? TextEncodingGuess.Utf8 : TextEncodingGuess.Windows1252;
        return new SourceFile(Path.GetFullPath(path), Convert.ToHexStringLower(sha.GetHashAndReset()), length, guess);
    }

    /// <summary>
    /// For formats read by random access (workbooks): hashes the file again after it was read and fails when the bytes
    /// are no longer the ones inspected, so that a batch is never recorded under the hash of other bytes.
    /// </summary>
    public static void VerifyUnchanged(SourceFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stream = new VerifyingReadStream(source);
        stream.VerifyComplete();
    }
}
