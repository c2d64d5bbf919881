using System.Text;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning.Pack;

/// <summary>
/// The pack service hands the document to the writer for the file's extension and renames a finished file into place:
/// a writer that fails leaves the previous pack as it was and no temporary file. The writers here write the pack's text
/// dump (the workbook and page writers are another project's).
/// </summary>
public sealed class PlanningPackServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class DumpWriter : IPackWriter
    {
        public string Extension => ".txt";

        public void Write(PackDocument document, Stream destination) => destination.Write(Encoding.UTF8.GetBytes(PackDump.Of(document)));
    }

    /// <summary>Writes half the dump, then fails, as a writer that runs out of disk would.</summary>
    private sealed class FailingWriter : IPackWriter
    {
        public string Extension => ".broken";

        public void Write(PackDocument document, Stream destination)
        {
            destination.Write(Encoding.UTF8.GetBytes(PackDump.Of(document)[..100]));
            throw new IOException("disk full");
        }
    }

    [Fact]
    public async Task The_pack_is_written_by_the_writer_for_its_extension_and_a_failed_write_leaves_the_old_file()
    {
        var geography = new PlanningGeography([new Organisation("A01", "Trust A", "NHS trust", "Y62", "North West", "North West")]);
        var inputs = new PlanningInputs(new DateOnly(2025, 3, 31), [new("A01", "GC", AgeBand.Under50, 12, 11.5)], [], [], [], []);
        var result = new SupplyPlanner(PlanningAssumptions.None, Reference.Data.Taxonomy, geography).ProjectExpected(inputs);
        var record = new PlanRecord(new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.Zero), result, new Dictionary<string, int>(), new Dictionary<PlanningUnit, IReadOnlyList<string>> { [PlanningUnit.England] = ["A01"] });
        var service = new PlanningPackService(new SqlitePackSource(_dir.File("no-warehouse.db")), new StaffDataPipeline.Hosting.Packs.PackFiles([new DumpWriter(), new FailingWriter()]), Reference.Data);

        Assert.Null(service.MissingWriter([_dir.File("pack.txt")]));
        Assert.Equal($"{_dir.File("pack.xlsx")}: no planning pack writer is registered for '.xlsx' files; use a file ending .broken or .txt.", service.MissingWriter([_dir.File("pack.xlsx")]));

        var written = Assert.Single(await service.WriteAsync([record], inputs, [_dir.File("pack.txt")], CancellationToken.None));
        Assert.Equal(".txt", written.Extension);
        var text = await File.ReadAllTextAsync(_dir.File("pack.txt"));
        Assert.StartsWith("# " + PlanningPackBuilder.Title, text, StringComparison.Ordinal);
        Assert.Contains("== England", text, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_dir.File("pack.broken"), "the last good pack");
        await Assert.ThrowsAsync<IOException>(() => service.WriteAsync([record], inputs, [_dir.File("pack.broken")], CancellationToken.None));
        Assert.Equal("the last good pack", await File.ReadAllTextAsync(_dir.File("pack.broken")));
        Assert.Equal(["pack.broken", "pack.txt"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
