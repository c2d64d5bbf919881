using System.Text;
using StaffDataPipeline.Service.Pages.Upload;

namespace StaffDataPipeline.Tests.WebPages;

/// <summary>What the upload page refuses before it stores a byte: names the inbox skips, empty or oversized files, and content that is not what its name says.</summary>
public sealed class UploadCheckTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("Employee Number,Position Title\n1,Genetic Counsellor\n");
    private static readonly byte[] Xlsx = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00];
    private static readonly byte[] Xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];

    [Theory]
    [InlineData("RGT_2024-05.csv", "RGT_2024-05.csv")]
    [InlineData(@"C:\Users\someone\Desktop\RGT_2024-05.csv", "RGT_2024-05.csv")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a:b*c?.xlsx", "a_b_c_.xlsx")]
    [InlineData("..", null)]
    [InlineData("  ", null)]
    public void The_stored_name_is_the_last_part_of_the_browsers_name_without_characters_a_file_name_cannot_hold(string supplied, string? stored) =>
        Assert.Equal(stored, UploadCheck.SafeName(supplied));

    [Fact]
    public void A_real_csv_xlsx_xls_and_utf16_csv_pass()
    {
        Assert.Null(UploadCheck.Refusal("a.csv", Csv.Length, 1000, Csv));
        Assert.Null(UploadCheck.Refusal("a.xlsx", 6, 1000, Xlsx));
        Assert.Null(UploadCheck.Refusal("a.xls", 9, 1000, Xls));
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Employee Number\n")).ToArray();
        Assert.Null(UploadCheck.Refusal("a.csv", utf16.Length, 1000, utf16));
    }

    [Theory]
    [InlineData("~$return.xlsx", "lock file")]
    [InlineData("return.xlsx.part", "partial download")]
    [InlineData(".hidden.csv", "hidden file")]
    [InlineData("return.docx", "not a .csv, .txt, .xlsx, .xlsm or .xls file")]
    [InlineData("returns.zip", "is a compressed archive, which this page does not take: unpack it and send the workbooks or CSV exports it holds")]
    [InlineData("etrust.csv.gz", "is a compressed archive, which this page does not take")]
    public void Names_the_inbox_would_skip_are_refused_with_the_inbox_reason(string name, string reason) =>
        Assert.Contains(reason, UploadCheck.Refusal(name, Csv.Length, 1000, Csv), StringComparison.Ordinal);

    [Fact]
    public void Empty_oversized_and_misnamed_files_are_refused_saying_what_to_do()
    {
        Assert.Contains("is empty (0 bytes)", UploadCheck.Refusal("a.csv", 0, 1000, []), StringComparison.Ordinal);
        Assert.Contains("more than the 1,000 this page takes", UploadCheck.Refusal("a.csv", 1001, 1000, Csv), StringComparison.Ordinal);
        Assert.Contains("named as an Excel workbook but its content is not one", UploadCheck.Refusal("a.xlsx", Csv.Length, 1000, Csv), StringComparison.Ordinal);
        Assert.Contains("Excel 97-2003 workbook", UploadCheck.Refusal("a.xls", Csv.Length, 1000, Csv), StringComparison.Ordinal);
        Assert.Contains("its content is not text", UploadCheck.Refusal("a.csv", 6, 1000, Xlsx), StringComparison.Ordinal);
        Assert.Contains("its content is not text", UploadCheck.Refusal("a.txt", 4, 1000, [0x41, 0x00, 0x42, 0x0A]), StringComparison.Ordinal);
    }
}
