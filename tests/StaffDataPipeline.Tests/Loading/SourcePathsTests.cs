using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Loading;

public sealed class SourcePathsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_folder_names_its_archives_and_passes_over_other_files_in_silence()
    {
        // An archive most likely holds what was meant to be loaded (a gzip file, most likely an ODS release); a PDF does not.
        File.Copy(Repository.OdsRelease, _dir.File("etrust.csv.gz"));
        _dir.WriteBytes("exports.zip", [0x50, 0x4B, 0x03, 0x04]);
        _dir.Write("guidance.pdf", "%PDF-1.7");
        _dir.Write("RGT_2023-09.csv", "Position Title,Staff Group\n");

        var entries = SourcePaths.Expand([_dir.Path]);

        // In ordinal order, as a folder is walked.
        Assert.Equal(["RGT_2023-09.csv", "etrust.csv.gz", "exports.zip"], entries.Select(e => Path.GetFileName(e.Path)));
        Assert.True(entries[0].IsToRead);
        Assert.Contains("is imported with `staffdata organisations import`", entries[1].SkipReason, StringComparison.Ordinal);
        Assert.Equal("an archive (unpack it and load the exports or workbooks it holds)", entries[2].SkipReason);
    }
}
