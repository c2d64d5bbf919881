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
    // Two buffers (small enough to stay out of the large object heap): the SHA-256 of one is taken on another thread
    // while the next is read, hashed for the later check and validated as UTF-8. The SHA-256 is most of a first read
    // (0.36 s of 0.6 s for a national file of 500 MB), and the run's first file is read while the run starts up
    // (Pipeline/FirstInspection), when a core is free: the load no longer waits for it on one core.
    internal const int ChunkSize = 1 << 16;

    public static SourceFile Inspect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var content = new XxHash128();

        // The bytes are read after a few of headroom, where the end of an incomplete UTF-8 sequence from the read before
        // is put back in front of them (Utf8Validation).
        byte[][] buffers = [new byte[Utf8Validation.Headroom + ChunkSize], new byte[Utf8Validation.Headroom + ChunkSize]];
        var hashing = Task.CompletedTask;
        var utf8 = new Utf8Validation();
        TextEncodingGuess? bom = null;
        long length = 0;
        try
        {
            for (var i = 0; ; i ^= 1)
            {
                // The buffer read into now was last hashed two chunks ago, and that hashing was waited for below.
                var buffer = buffers[i];
                var read = stream.ReadAtLeast(buffer.AsSpan(Utf8Validation.Headroom), ChunkSize, throwOnEndOfStream: false);
                if (read == 0)
                {
                    break;
                }

                var bytes = buffer.AsMemory(Utf8Validation.Headroom, read);
                content.Append(bytes.Span);
                if (length == 0)
                {
                    bom = ByteOrderMark(bytes.Span);
                }

                // A byte order mark settles it, so the bytes are not scanned (UTF-16's mark is not UTF-8: the scan would call it Windows-1252).
                if (bom is null)
                {
                    utf8.Append(buffer, read);
                }

                length += read;
                hashing.GetAwaiter().GetResult();
                hashing = Task.Run(() => sha.AppendData(bytes.Span));
            }
        }
        catch
        {
            // A read that failed: the hasher is disposed on the way out, so the hash under way ends first (its own
            // failure, if any, is not the one to report).
            hashing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Wait();
            throw;
        }

        hashing.GetAwaiter().GetResult();
        utf8.Complete();

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
