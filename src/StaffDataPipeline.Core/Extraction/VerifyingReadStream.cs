using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace StaffDataPipeline.Extraction;

/// <summary>
/// A forward-only read of a source file that hashes exactly the bytes handed to the parser, so that the parse and the
/// hash recorded in the ledger are of the same bytes. Hashing runs on a second thread over a bounded queue of copies,
/// so it costs the parser almost nothing and memory stays flat. <see cref="VerifyComplete"/> reads whatever the parser
/// left unread and fails when the bytes are not the ones inspected.
/// </summary>
public sealed class VerifyingReadStream : ForwardReadStream
{
    private const int QueuedBuffers = 16;
    private readonly SourceFile _source;
    private readonly FileStream _inner;
    private readonly BlockingCollection<(byte[] Buffer, int Count)> _queue = new(QueuedBuffers);
    private readonly Task<string> _hash;
    private long _length;

    public VerifyingReadStream(SourceFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _inner = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _hash = Task.Factory.StartNew(HashQueued, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    protected override long BytesRead => _length;

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        if (read > 0)
        {
            var copy = ArrayPool<byte>.Shared.Rent(read);
            buffer[..read].CopyTo(copy);
            _queue.Add((copy, read));
            _length += read;
        }

        return read;
    }

    /// <summary>Throws <see cref="SourceChangedException"/> unless the bytes read, to the end, are the ones inspected.</summary>
    public void VerifyComplete()
    {
        var rest = new byte[1 << 16];
        while (Read(rest, 0, rest.Length) > 0)
        {
        }

        _queue.CompleteAdding();
        if (_length != _source.Length || !string.Equals(_hash.GetAwaiter().GetResult(), _source.Sha256, StringComparison.Ordinal))
        {
            throw new SourceChangedException(_source.FileName);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_queue.IsAddingCompleted)
            {
                _queue.CompleteAdding();
            }

            _hash.Wait();
            _queue.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private string HashQueued()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (buffer, count) in _queue.GetConsumingEnumerable())
        {
            sha.AppendData(buffer, 0, count);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
