using System.IO.Compression;
using StaffDataPipeline.Csv.Ods;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Organisations;

/// <summary>
/// A gzipped ODS file cut short (a download or copy that stopped) decompresses quietly to part of the release in .NET:
/// it must be refused as damaged, never imported in part or refused as a wrong layout.
/// </summary>
public sealed class DamagedOdsFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<double> Cuts => new() { 0.25, 0.5, 0.9, 0.999 };

    [Fact]
    public void Organisations_import_with_a_damaged_release_imports_nothing_and_creates_no_warehouse()
    {
        var whole = File.ReadAllBytes(Repository.OdsRelease);
        var good = _dir.File("etrust-2018-08.csv.gz");
        var cut = _dir.File("etrust-2018-09.csv.gz");
        File.WriteAllBytes(good, whole);
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);
        var database = _dir.File("warehouse.db");

        // The good release is named first: it is not imported either.
        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "organisations", "import", good, cut, "--database", database);

        Assert.Equal(2, exit);
        Assert.Contains("etrust-2018-09.csv.gz is damaged or incomplete", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path, "warehouse.db*"));
    }

    [Fact]
    public void Organisations_import_with_a_mistyped_option_is_a_usage_error_naming_the_options()
    {
        var release = _dir.File("etrust-2018-08.csv.gz");
        File.Copy(Repository.OdsRelease, release);

        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "organisations", "import", release, "--warehouse", "other.db");

        Assert.Equal(2, exit);
        Assert.Contains("'--warehouse' is not an option of organisations import; its options are --config, --database, ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find file", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.db*"));
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_release_cut_short_is_refused_as_damaged(double kept)
    {
        var whole = File.ReadAllBytes(Repository.OdsRelease);
        var cut = _dir.File("etrust.csv.gz");
        File.WriteAllBytes(cut, whole[..(int)(whole.Length * kept)]);

        var refused = Assert.Throws<InvalidDataException>(() => OdsReleaseReader.Read(cut));

        Assert.StartsWith("etrust.csv.gz is damaged or incomplete", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_cut_at_the_end_of_a_line_is_refused_too_not_imported_in_part()
    {
        // Deflate blocks of a stream flushed after every line end on line boundaries: cut after one of them, the part left
        // decompresses to whole lines, each a valid ODS row.
        string[] lines;
        using (var release = new StreamReader(new GZipStream(File.OpenRead(Repository.OdsRelease), CompressionMode.Decompress), System.Text.Encoding.Latin1))
        {
            lines = [.. Enumerable.Range(0, 200).Select(_ => release.ReadLine()!)];
        }

        var path = _dir.File("etrust.csv.gz");
        long boundary;
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            for (var i = 0; i < 100; i++)
            {
                gzip.Write(System.Text.Encoding.Latin1.GetBytes(lines[i] + "\n"));
            }

            gzip.Flush();
            boundary = file.Position;
            foreach (var line in lines.Skip(100))
            {
                gzip.Write(System.Text.Encoding.Latin1.GetBytes(line + "\n"));
            }
        }

        Assert.Equal(200, OdsReleaseReader.Read(path).Count);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..(int)boundary]);

        Assert.Throws<InvalidDataException>(() => OdsReleaseReader.Read(path));
    }

    [Fact]
    public void A_successor_file_cut_short_is_refused_as_damaged()
    {
        var path = _dir.File("succ.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            for (var i = 0; i < 5_000; i++)
            {
                gzip.Write(System.Text.Encoding.ASCII.GetBytes($"R{i % 100:D2}A,R{(i + 1) % 100:D2}B,M,20{10 + (i % 10)}0401,Y\n"));
            }
        }

        Assert.Equal(5_000, OdsSuccessorReader.Read(path).Count);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^20]);

        Assert.StartsWith("succ.csv.gz is damaged or incomplete", Assert.Throws<InvalidDataException>(() => OdsSuccessorReader.Read(path)).Message, StringComparison.Ordinal);
    }
}
