using System.Security.Cryptography;

namespace StaffDataPipeline.Extraction;

/// <summary>
/// A forward-only read of a source file that hashes exactly the bytes handed to the parser, so that the parse and the
/// hash recorded in the ledger are of the same bytes. <see cref="VerifyComplete"/> reads whatever the parser left
/// unread and fails when the bytes are not the ones inspected.
/// </summary>
public sealed class VerifyingReadStream : Stream
{
    private readonly SourceFile _source;
    private readonly FileStream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public VerifyingReadStream(SourceFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _inner = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        _length += read;
        return read;
    }

    /// <summary>Throws <see cref="SourceChangedException"/> unless the bytes read, to the end, are the ones inspected.</summary>
    public void VerifyComplete()
    {
        var rest = new byte[1 << 16];
        while (Read(rest, 0, rest.Length) > 0)
        {
        }

        if (_length != _source.Length || !string.Equals(Convert.ToHexStringLower(_hash.GetHashAndReset()), _source.Sha256, StringComparison.Ordinal))
        {
            throw new SourceChangedException(_source.FileName);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
