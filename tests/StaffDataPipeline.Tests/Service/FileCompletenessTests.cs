using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>
/// Every real export and workbook the project has (samples and fixtures, written by Excel, LibreOffice and python:
/// CSV with LF and CRLF, UTF-16 both ways, .xlsx, OLE .xls) looks whole, and each of them cut short does not.
/// </summary>
public sealed class FileCompletenessTests : IDisposable
{
    private static readonly string[] Judged = [".csv", ".txt", ".tsv", ".xlsx", ".xls"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> RealFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repository.Samples(), "*", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Repository.Fixture("esr-delimiters")))
                     .Concat(Directory.GetFiles(Repository.Fixture("esr-workbooks")))
                     .Where(f => Judged.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void A_real_file_looks_whole_and_the_same_file_cut_short_does_not(string relative)
    {
        var whole = Path.Combine(Repository.Root, relative);
        Assert.Null(FileCompleteness.WhyIncomplete(whole));

        var bytes = File.ReadAllBytes(whole);
        var cut = (bytes.Length / 2) + 1;
        while (bytes[cut - 1] is (byte)'\n' or (byte)'\r' or 0 || cut % 512 == 0)
        {
            cut++; // a cut just after a line end (or a sector boundary) is a copy paused where it could not be told
        }

        var partial = _dir.File("partial" + Path.GetExtension(whole));
        File.WriteAllBytes(partial, bytes[..cut]);
        Assert.NotNull(FileCompleteness.WhyIncomplete(partial));
    }

    [Fact]
    public void A_csv_renamed_xlsx_is_not_a_workbook_still_arriving_so_it_is_not_waited_for()
    {
        // A copy of an .xlsx writes its "PK" first; without it, the load is what says the file is not a workbook.
        var renamed = _dir.File("RQ3_renamed.xlsx");
        File.Copy(Repository.Samples("esr", "RQ3_staff_in_post_2023-09.csv"), renamed);

        Assert.Null(FileCompleteness.WhyIncomplete(renamed));
    }

    [Fact]
    public void An_empty_file_is_still_arriving_and_a_file_of_unknown_binary_kind_is_judged_by_size_and_time_alone()
    {
        var empty = _dir.File("esr.csv");
        File.WriteAllBytes(empty, []);
        Assert.Equal("it is empty", FileCompleteness.WhyIncomplete(empty));

        var binary = _dir.File("export.bin");
        File.WriteAllBytes(binary, [1, 0, 0, 2, 0, 0, 3]);
        Assert.Null(FileCompleteness.WhyIncomplete(binary));
    }
}
