using System.Text.Unicode;

namespace StaffDataPipeline.Extraction;

/// <summary>
/// Whether a file's bytes, given a buffer at a time, are UTF-8. Each buffer is checked by the runtime's vectorised
/// validator (Utf8.IsValid) up to its last complete character; the bytes of a character the buffer ends inside are
/// carried into the headroom in front of the next buffer's bytes and checked with them. Decoding every buffer into
/// characters, as this replaces, took a quarter of a national file's first read.
/// </summary>
/// <remarks>
/// A file that ends inside a character is called UTF-8 when its last bytes could begin one, as the decoder this
/// replaces called it (it was never flushed): the reader then shows that one character as a replacement rather than
/// every accented letter of the file as Windows-1252 would. Last bytes that could begin no character (an overlong form,
/// a surrogate, beyond U+10FFFF) are not UTF-8 (<see cref="Complete"/>).
/// </remarks>
internal sealed class Utf8Validation
{
    /// <summary>Bytes kept free in front of each buffer's data for the carried bytes: a character is at most four.</summary>
    public const int Headroom = 4;

    private readonly byte[] _carry = new byte[Headroom - 1];
    private int _carried;

    public bool IsValid { get; private set; } = true;

    /// <summary>Checks <paramref name="count"/> bytes read into <paramref name="buffer"/> after its headroom.</summary>
    public void Append(byte[] buffer, int count)
    {
        if (!IsValid)
        {
            return;
        }

        var start = Headroom - _carried;
        _carry.AsSpan(0, _carried).CopyTo(buffer.AsSpan(start));
        var end = Headroom + count;
        var complete = CompleteUpTo(buffer.AsSpan(start, end - start)) + start;
        if (!Utf8.IsValid(buffer.AsSpan(start, complete - start)))
        {
            IsValid = false;
            return;
        }

        _carried = end - complete;
        buffer.AsSpan(complete, _carried).CopyTo(_carry);
    }

    /// <summary>Called once after the last buffer: judges the bytes of a character the file ends inside.</summary>
    public void Complete()
    {
        if (IsValid && _carried > 0 && System.Text.Rune.DecodeFromUtf8(_carry.AsSpan(0, _carried), out _, out _) != System.Buffers.OperationStatus.NeedMoreData)
        {
            IsValid = false;
        }
    }

    /// <summary>
    /// The length of <paramref name="bytes"/> without a character its end is inside: the bytes after the last lead byte,
    /// when fewer than that lead byte announces. Anything else (a stray continuation byte, an impossible lead byte) is
    /// left in for the validator to refuse.
    /// </summary>
    private static int CompleteUpTo(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(Headroom - 1, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: its lead byte is further back
            }

            var announced = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
            return announced > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }
}
