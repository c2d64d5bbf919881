using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.WebPages;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>
/// The pack opened by real readers: LibreOffice opens the workbook and prints it (and draws its first sheet, the
/// picture in the docs). Skipped, saying why, where LibreOffice is not installed.
/// </summary>
public sealed class PackRenderingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void LibreOffice_opens_the_workbook_and_prints_every_sheet_to_pdf()
    {
        Skip.If(LibreOffice.ExecutablePath is null, LibreOffice.Missing);
        var workbook = _dir.WriteBytes("planning-pack.xlsx", XlsxPackWriterTests.Write(PackSamples.Realistic()));

        var pdf = LibreOffice.Convert(workbook, "pdf", _dir.Path);

        var bytes = File.ReadAllBytes(pdf);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
        // Five sheets, each at least a page.
        Assert.True(System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page[^s]") >= 5);
    }

    [SkippableFact]
    public void LibreOffice_draws_the_first_sheet_with_its_chart_for_the_docs()
    {
        // This LibreOffice (Debian's -nogui build) has no PNG export for a spreadsheet, so the first printed page is
        // drawn from its PDF by poppler's pdftoppm.
        Skip.If(LibreOffice.ExecutablePath is null, LibreOffice.Missing);
        Skip.If(!File.Exists("/usr/bin/pdftoppm"), "No pdftoppm on this machine: install Debian's poppler-utils to draw the workbook's first page for the docs.");
        var workbook = _dir.WriteBytes("planning-pack-workbook.xlsx", XlsxPackWriterTests.Write(PackSamples.Realistic()));
        var pdf = LibreOffice.Convert(workbook, "pdf", _dir.Path);

        // Drawn into a folder of its own: without STAFFDATA_SCREENSHOTS the picture's destination is the test's folder.
        var drawn = Directory.CreateDirectory(Path.Combine(_dir.Path, "drawn")).FullName;
        var png = Path.Combine(drawn, "planning-pack-workbook.png");
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftoppm") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-png", "-f", "1", "-l", "1", "-r", "110", "-singlefile", pdf, Path.Combine(drawn, "planning-pack-workbook") })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)) && process.ExitCode == 0, $"pdftoppm could not draw the first page: {process.StandardError.ReadToEnd()}");
        }

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        // A blank page compresses to a few kilobytes; a sheet with text and a chart does not.
        Assert.True(bytes.Length > 40_000, $"The picture of the first sheet is only {bytes.Length} bytes.");
        File.Copy(png, Browser.Screenshot(_dir.Path, "planning-pack-workbook.png"), overwrite: true);
    }
}
