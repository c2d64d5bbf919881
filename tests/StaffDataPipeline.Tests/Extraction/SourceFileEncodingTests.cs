using System.Security.Cryptography;
using System.Text;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// A file's first read calls it UTF-8 exactly when its bytes are (a strict decoder of the whole file is the reference),
/// although it checks them a buffer at a time: characters of two, three and four bytes across the buffers' edges,
/// bytes that are not UTF-8 on either side of an edge and inside a character that crosses one, and the ends of files.
/// The SHA-256 and length, taken on another thread a buffer at a time, are those of the whole file.
/// </summary>
public sealed class SourceFileEncodingTests : IDisposable
{
    private const int BufferSize = SourceFileReader.ChunkSize;
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Generated_files_are_called_utf8_exactly_when_a_strict_decoder_reads_them()
    {
        string[] characters = ["a", ",", "\n", "é", "ñ", "€", "—", "😀", "𝔾"];
        byte[][] faults = [[0xFF], [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE9]];
        var random = new Random(25);
        int utf8 = 0, not = 0;
        for (var file = 0; file < 160; file++)
        {
            // Text up to a few bytes either side of one or two buffer edges, with characters of every length there.
            var bytes = new List<byte>();
            var target = BufferSize * random.Next(1, 3) + random.Next(-6, 7);
            while (bytes.Count < target)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(characters[random.Next(characters.Length)]));
            }

            // Half the files get a fault, most of them near an edge.
            if (random.Next(2) == 0)
            {
                var at = random.Next(4) == 0 ? random.Next(bytes.Count) : Math.Clamp(BufferSize * random.Next(1, 3) + random.Next(-4, 5), 0, bytes.Count);
                bytes.InsertRange(at, faults[random.Next(faults.Length)]);
                bytes.AddRange("tail"u8.ToArray()); // not a file that ends inside a character: see the next test
            }

            var path = _dir.File($"f{file}.csv");
            File.WriteAllBytes(path, [.. bytes]);
            var expected = IsStrictUtf8([.. bytes]);
            var inspected = SourceFileReader.Inspect(path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. bytes])), inspected.Sha256);
            Assert.Equal(bytes.Count, inspected.Length);
            Assert.True(
                (inspected.Encoding == TextEncodingGuess.Utf8) == expected,
                $"file {file}: {bytes.Count} bytes, strict decoder says {(expected ? "UTF-8" : "not UTF-8")}");
            _ = expected ? utf8++ : not++;
        }

        Assert.True(utf8 > 50 && not > 50, $"{utf8} UTF-8 and {not} not");
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    public void A_file_that_ends_inside_a_character_is_still_utf8(byte[] end)
    {
        // The reader shows that one character as a replacement; Windows-1252 would misread every accented letter before it.
        var path = _dir.File("end.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(new string('é', BufferSize)), .. end]);

        Assert.Equal(TextEncodingGuess.Utf8, SourceFileReader.Inspect(path).Encoding);
    }

    [Theory]
    [InlineData(new byte[] { 0xE0, 0x80 })] // an overlong form
    [InlineData(new byte[] { 0xED, 0xA0 })] // a surrogate
    [InlineData(new byte[] { 0xF4, 0x90 })] // beyond U+10FFFF
    [InlineData(new byte[] { 0xF0, 0x85 })]
    public void A_file_that_ends_in_bytes_no_character_begins_with_is_not_utf8(byte[] end)
    {
        var path = _dir.File("bad-end.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(new string('a', BufferSize + 1)), .. end]);

        Assert.Equal(TextEncodingGuess.Windows1252, SourceFileReader.Inspect(path).Encoding);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_after_the_first_buffer_makes_the_file_windows_1252()
    {
        var path = _dir.File("late.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(new string('a', 3 * BufferSize)), 0xE9, .. "tail"u8.ToArray()]);

        Assert.Equal(TextEncodingGuess.Windows1252, SourceFileReader.Inspect(path).Encoding);
    }

    private static bool IsStrictUtf8(byte[] bytes)
    {
        try
        {
            _ = Strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
