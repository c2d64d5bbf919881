using System.Diagnostics;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>
/// LibreOffice run headless to open a written workbook and convert it, as a second reader besides the Open XML SDK.
/// Each run has its own profile folder, so tests and other sessions converting at the same time do not share one.
/// </summary>
internal static class LibreOffice
{
    public static string? ExecutablePath =>
        new[] { "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public static string Missing => "No LibreOffice (soffice) on this machine: install Debian's libreoffice-calc to check that it opens the workbook.";

    /// <summary>Converts <paramref name="file"/> to <paramref name="format"/> in <paramref name="folder"/>; returns the converted file.</summary>
    public static string Convert(string file, string format, string folder)
    {
        var profile = Path.Combine(folder, "lo-profile-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(ExecutablePath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--nologo", "--convert-to", format, "--outdir", folder, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"LibreOffice did not convert {Path.GetFileName(file)} to {format} within 3 minutes.");
        }

        var converted = Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + "." + format.Split(':')[0]);
        Assert.True(process.ExitCode == 0 && File.Exists(converted), $"LibreOffice could not convert {Path.GetFileName(file)} to {format} (exit {process.ExitCode}): {output.Result} {error.Result}");
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left behind in the test's own folder goes with it.
        }

        return converted;
    }
}
