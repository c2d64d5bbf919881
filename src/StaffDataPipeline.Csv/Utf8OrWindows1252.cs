using System.Text;

namespace StaffDataPipeline.Csv;

/// <summary>
/// UTF-8, with each byte that is not part of valid UTF-8 read as Windows-1252: for a file whose bytes are not all
/// UTF-8. Most such files are Windows-1252 throughout, and read exactly as Windows-1252 reads them (its accented
/// letters never form valid UTF-8 in real text); a file that is both, such as a UTF-8 export with rows appended from an
/// older Windows-1252 one, keeps both its "–" and its "é" instead of turning every UTF-8 dash into "â€“".
/// </summary>
internal static class Utf8OrWindows1252
{
    public static readonly Encoding Instance = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new Fallback());

    public static bool Is(Encoding encoding) => encoding.DecoderFallback is Fallback;

    private sealed class Fallback : DecoderFallback
    {
        private static readonly Encoding Windows1252 = CodePages();

        // UTF-8 reports at most a few bytes as invalid at once; Windows-1252 makes one character of each.
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        public override bool Equals(object? obj) => obj is Fallback;

        public override int GetHashCode() => nameof(Utf8OrWindows1252).GetHashCode(StringComparison.Ordinal);

        private static Encoding CodePages()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private string _chars = string.Empty;
            private int _at;

            public override int Remaining => _chars.Length - _at;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _chars = Windows1252.GetString(bytesUnknown);
                _at = 0;
                return _chars.Length > 0;
            }

            public override char GetNextChar() => _at < _chars.Length ? _chars[_at++] : '\0';

            public override bool MovePrevious()
            {
                if (_at == 0)
                {
                    return false;
                }

                _at--;
                return true;
            }

            public override void Reset()
            {
                _chars = string.Empty;
                _at = 0;
            }
        }
    }
}
