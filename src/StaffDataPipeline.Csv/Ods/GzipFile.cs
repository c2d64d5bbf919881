using System.Buffers.Binary;
using System.IO.Compression;

namespace StaffDataPipeline.Csv.Ods;

/// <summary>
/// Opens an ODS publication, plain or gzipped. .NET's GZipStream ends quietly where a cut-short .gz ends, so a copy or
/// download that stopped half-way would import half a release (or be refused for a broken last line, as if the layout
/// were wrong). A gzipped file is therefore read through a count of its bytes, checked at its end against the length
/// gzip records in its last four bytes (ISIZE, the length modulo 2^32).
/// </summary>
internal static class GzipFile
{
    public static Stream OpenRead(string path)
    {
        var file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new LengthCheckedGzip(file, Path.GetFileName(path)) : file;
    }

    private sealed class LengthCheckedGzip(FileStream file, string fileName) : Extraction.ForwardReadStream
    {
        private readonly uint _recordedLength = RecordedLength(file, fileName);
        private readonly GZipStream _gzip = new(file, CompressionMode.Decompress);
        private long _read;

        protected override long BytesRead => _read;

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = _gzip.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw Damaged(fileName);
            }

            if (read == 0 && buffer.Length > 0 && (uint)_read != _recordedLength)
            {
                throw Damaged(fileName);
            }

            _read += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _gzip.Dispose();
            }

            base.Dispose(disposing);
        }

        private static uint RecordedLength(FileStream file, string fileName)
        {
            if (file.Length < 18)
            {
                throw Damaged(fileName);
            }

            Span<byte> trailer = stackalloc byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
            file.Seek(0, SeekOrigin.Begin);
            return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }

        private static InvalidDataException Damaged(string fileName) => new(
            $"{fileName} is damaged or incomplete: it does not decompress to the length recorded at its end (a download or copy cut short). Download it again; nothing was imported.");
    }
}
