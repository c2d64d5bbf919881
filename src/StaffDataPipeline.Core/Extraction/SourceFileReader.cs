using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace StaffDataPipeline.Extraction;

/// <summary>
/// Reads a file once, streaming, for its SHA-256, the XxHash128 a later read is checked against, and its text
/// encoding: a byte order mark, else whether its bytes are UTF-8.
/// </summary>
public static class SourceFileReader
{
    public static SourceFile Inspect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var content = new XxHash128();

        // The bytes are read after a few of headroom, where the end of an incomplete UTF-8 sequence from the read before
        // is put back in front of them (Utf8Validation).
        var buffer = new byte[Utf8Validation.Headroom + (1 << 16)];
        var utf8 = new Utf8Validation();
        var first = true;
        TextEncodingGuess? bom = null;
        long length = 0;
        int read;
        while ((read = stream.Read(buffer, Utf8Validation.Headroom, buffer.Length - Utf8Validation.Headroom)) > 0)
        {
            var bytes = buffer.AsSpan(Utf8Validation.Headroom, read);
            sha.AppendData(bytes);
            content.Append(bytes);
            if (first)
            {
                bom = ByteOrderMark(bytes);
                first = false;
            }

            // A byte order mark settles it, so the bytes are not scanned (UTF-16's mark is not UTF-8: the scan would call it Windows-1252).
            if (bom is null)
            {
                utf8.Append(buffer, read);
            }

            length += read;
        }

        var guess = bom ?? (utf8.IsValid ? TextEncodingGuess.Utf8 : TextEncodingGuess.Windows1252);
        return new SourceFile(Path.GetFullPath(path), Convert.ToHexStringLower(sha.GetHashAndReset()), length, guess, content.GetCurrentHashAsUInt128());
    }

    /// <summary>The encoding a byte order mark at the start of a file names, if there is one.</summary>
    public static TextEncodingGuess? ByteOrderMark(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => TextEncodingGuess.Utf8WithBom,
        [0xFF, 0xFE, ..] => TextEncodingGuess.Utf16LittleEndian,
        [0xFE, 0xFF, ..] => TextEncodingGuess.Utf16BigEndian,
        _ => null,
    };

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
