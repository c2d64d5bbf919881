using Microsoft.Playwright;

namespace StaffDataPipeline.Tests.WebPages;

/// <summary>
/// Debian's chromium driven by Microsoft.Playwright through its executable path: Playwright's own browser download is
/// never used. Where no chromium is installed the tests say so and are skipped (`.ci/run` installs it). The flags
/// keep chromium from reaching out to Google's services, which this machine's closed network refuses.
/// </summary>
internal static class Browser
{
    /// <summary>STAFFDATA_CHROMIUM when set, else Debian's /usr/bin/chromium; null when that file is not there.</summary>
    public static string? ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("STAFFDATA_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            return File.Exists(path) ? path : null;
        }
    }

    public static string Missing =>
        $"No chromium at {(Environment.GetEnvironmentVariable("STAFFDATA_CHROMIUM") is { Length: > 0 } configured ? configured + " (STAFFDATA_CHROMIUM)" : "/usr/bin/chromium")}: install Debian's chromium package (`apt-get install chromium`; .ci/run does) to run the browser tests.";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Where a page's picture goes: the README's docs/images when STAFFDATA_SCREENSHOTS=1 (to refresh them), otherwise
    /// the test's own folder, so that a test run never changes the repository.
    /// </summary>
    public static string Screenshot(string testFolder, string name)
    {
        var folder = Environment.GetEnvironmentVariable("STAFFDATA_SCREENSHOTS") == "1"
            ? Path.Combine(Support.Repository.Root, "docs", "images")
            : testFolder;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
