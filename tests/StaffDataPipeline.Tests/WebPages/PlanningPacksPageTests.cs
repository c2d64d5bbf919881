using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using StaffDataPipeline.Tests.Service;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.WebPages;

/// <summary>
/// The planning pack from the service: a scheduled job loads the sample ESR exports and publishes the pack (baseline
/// and a scenario) to the outbox; /packs lists it with its data date and scenarios and serves its two files as
/// downloads, and nothing else (no path, no file the manifests do not name).
/// </summary>
[Collection(OneServiceAtATime.Name)]
public sealed class PlanningPacksPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_scheduled_job_publishes_the_pack_and_the_page_lists_it_and_serves_only_its_files()
    {
        await using var service = await StartWithPackJobAsync();
        using var http = new HttpClient { BaseAddress = new Uri(service.Address) };
        Assert.Contains("No planning pack has been published yet", await http.GetStringAsync("/packs"), StringComparison.Ordinal);

        var manifest = await RunPackJobAsync(service, http);

        // The job's outcome says what it did; the manifest names both formats, the scenarios and the runs.
        Assert.Equal(["baseline", "more-stp"], manifest.GetProperty("scenarios").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(2, manifest.GetProperty("runIds").GetArrayLength());
        Assert.Equal(2L, service.Scalar("SELECT COUNT(*) FROM plan_run"));
        var files = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.Equal([".html", ".xlsx"], files.Select(f => Path.GetExtension(f)).Order(StringComparer.Ordinal).ToArray());

        var page = await http.GetStringAsync("/packs");
        Assert.Contains("baseline, more-stp", page, StringComparison.Ordinal);
        Assert.Contains("Workbook (Excel)", page, StringComparison.Ordinal);
        Assert.Contains("2023-10-31", page, StringComparison.Ordinal);

        // The workbook downloads (an attachment) and opens; the page downloads too, never rendered by the site.
        var xlsx = files.Single(f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        using (var response = await http.GetAsync($"/packs/{xlsx}"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            Assert.Contains(workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name == "Assumptions");
        }

        using (var response = await http.GetAsync($"/packs/{files.Single(f => f.EndsWith(".html", StringComparison.Ordinal))}"))
        {
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // Nothing but a listed pack's files: not the manifest, not a path, not a pack name no manifest lists.
        foreach (var other in new[] { "/packs/..%2Fwarehouse.db", $"/packs/{Path.GetFileNameWithoutExtension(xlsx)}.pack.json", "/packs/planning-pack-2023-10-31-run999.xlsx" })
        {
            using var response = await http.GetAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [SkippableFact]
    public async Task The_packs_page_in_a_browser_downloads_the_workbook()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        await using var service = await StartWithPackJobAsync();
        using var http = new HttpClient { BaseAddress = new Uri(service.Address) };
        await RunPackJobAsync(service, http);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 700 }, AcceptDownloads = true });
        await page.GotoAsync(service.Address + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Planning packs" }).ClickAsync();
        Assert.Equal("Planning packs", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "planning-packs.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Workbook (Excel)" }).ClickAsync());
        Assert.Matches(@"^planning-pack-2023-10-31-run\d+\.xlsx$", download.SuggestedFilename);
        var saved = _dir.File("downloaded.xlsx");
        await download.SaveAsAsync(saved);
        using (var workbook = SpreadsheetDocument.Open(saved, false))
        {
            Assert.NotEmpty(workbook.WorkbookPart!.WorksheetParts);
        }

        // The web page of the same pack, opened from the file as a reader would: the picture README shows.
        var pageDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Web page" }).ClickAsync());
        var html = _dir.File("pack.html");
        await pageDownload.SaveAsAsync(html);
        var reader = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1500 } });
        await reader.GotoAsync(new Uri(html).AbsoluteUri);
        await reader.Locator("svg").First.ScrollIntoViewIfNeededAsync();
        Assert.True(await reader.Locator("svg").CountAsync() > 10);
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "planning-pack-samples.png") });
        await reader.Locator("svg").Nth(1).ScreenshotAsync(new LocatorScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "planning-pack-samples-chart.png") });
    }

    private async Task<RunningService> StartWithPackJobAsync()
    {
        // The samples as the team would send them: ESR exports and survey returns, so the pack has demand beside supply.
        var esr = Path.Combine(_dir.Path, "returns");
        Directory.CreateDirectory(esr);
        foreach (var file in Directory.GetFiles(Repository.Samples("esr"), "*.csv").Concat(Directory.GetFiles(Repository.Samples("surveys"))))
        {
            File.Copy(file, Path.Combine(esr, Path.GetFileName(file)));
        }

        return await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["Schedule:Jobs:0:Id"] = "nightly",
            ["Schedule:Jobs:0:Cron"] = "30 22 * * *",
            ["Schedule:Jobs:0:Paths:0"] = esr,
            ["Schedule:Jobs:0:BuildPack"] = "true",
            ["Schedule:Jobs:0:PackScenarios:0"] = "more-stp",
        });
    }

    /// <summary>Runs the job through the service's own API and waits for its manifest in the outbox.</summary>
    private static async Task<JsonElement> RunPackJobAsync(RunningService service, HttpClient http)
    {
        using (var started = await http.PostAsync("/api/jobs/nightly/run", null))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        var outbox = Path.Combine(service.Root, "outbox");
        await RunningService.WaitUntil(() => Directory.Exists(outbox) && Directory.GetFiles(outbox, "*.pack.json").Length == 1, TimeSpan.FromMinutes(3), "the pack's manifest", service.Describe);
        await RunningService.WaitUntil(() => service.SucceededJobs == 1, TimeSpan.FromSeconds(30), "the job to succeed", service.Describe);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(outbox, "*.pack.json").Single()));
        return manifest.RootElement.Clone();
    }
}
