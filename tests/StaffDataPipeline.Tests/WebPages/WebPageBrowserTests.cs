using Microsoft.Playwright;
using StaffDataPipeline.Service.Dashboard;
using StaffDataPipeline.Tests.Service;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.WebPages;

/// <summary>
/// The workforce team's pages in a real browser against the real service: sending returns and reading what happened,
/// choosing a role for an unmapped title and seeing the fact change in the warehouse, a viewer who cannot change a
/// rule, and a form posted without its anti-forgery token.
/// </summary>
[Collection(OneServiceAtATime.Name)]
public sealed class WebPageBrowserTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task A_good_return_and_a_bad_one_sent_from_the_browser_show_loaded_and_rejected_with_the_quarantined_rows()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["ReferenceData:Path"] = _dir.CopyReferenceData() });
        var good = _dir.Write("RGT_2024-05.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 6));
        var lines = RunningService.EsrExport("RGT", new DateOnly(2024, 6, 1), 2, rows: 10).Split('\n');
        lines[3] = lines[3].Replace(",1.0,", ",x,", StringComparison.Ordinal);
        lines[5] = lines[5].Replace(",1.0,", ",9.5,", StringComparison.Ordinal);
        var bad = _dir.Write("RGT_2024-06.csv", string.Join('\n', lines));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });

        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync([good, bad]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();

        var loaded = page.Locator("section[aria-label='RGT_2024-05.csv']");
        var rejected = page.Locator("section[aria-label='RGT_2024-06.csv']");
        Assert.Equal("loaded", await loaded.Locator(".outcome").InnerTextAsync());
        Assert.Contains("was loaded as batch 1 (6 rows)", await loaded.Locator(".sentence").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rejected", await rejected.Locator(".outcome").InnerTextAsync());
        Assert.Contains("was not loaded: nothing from it is in the warehouse", await rejected.Locator(".sentence").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("THRESHOLD_EXCEEDED", await rejected.Locator(".why").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("fix the rows listed", await rejected.Locator(".todo").InnerTextAsync(), StringComparison.Ordinal);

        // The quarantined rows as a table: sheet, row, column, reason; the two rows spoiled above, and nothing from them.
        var rows = rejected.Locator("table.quarantined tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(["4", "6"], (await rows.Locator("td:nth-child(2)").AllInnerTextsAsync()).ToArray());
        Assert.All(await rows.Locator("td:nth-child(3)").AllInnerTextsAsync(), c => Assert.Equal("FTE", c));
        Assert.DoesNotContain("9.5", await rejected.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "send-a-return.png"), FullPage = true });

        // Kept as inbox files are: the good one in processed/, the bad one in rejected/ with its report, and the report opens.
        Assert.Single(Directory.GetFiles(Path.Combine(service.Inbox, "processed"), "RGT_2024-05.csv", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(service.Inbox, "rejected", "RGT_2024-06.csv.report.txt")));
        Assert.Equal(1L, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
        await rejected.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("RGT_2024-06.csv was not loaded", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        // The same bytes again: already loaded, nothing new.
        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync(good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();
        Assert.Equal("already loaded", await page.Locator("section[aria-label='RGT_2024-05.csv'] .outcome").InnerTextAsync());

        // What happened: another organisation's month, then a filter by organisation and period, and who has sent nothing yet.
        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync(_dir.Write("RQ3_2024-05.csv", RunningService.EsrExport("RQ3", new DateOnly(2024, 5, 1), 3, rows: 4)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "What happened" }).ClickAsync();
        Assert.Contains("THRESHOLD_EXCEEDED", await page.Locator("table.recent").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("already loaded", await page.Locator("table.recent").InnerTextAsync(), StringComparison.Ordinal);
        var missing = await page.Locator("table.missing tbody tr").AllInnerTextsAsync();
        var may = Assert.Single(missing);
        Assert.StartsWith("ESR staff in post\t2024-05\t2", may, StringComparison.Ordinal);
        Assert.Contains("R0A Manchester University NHS Foundation Trust", may, StringComparison.Ordinal);
        Assert.DoesNotContain("RGT ", may, StringComparison.Ordinal);
        Assert.DoesNotContain("RQ3 ", may, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "what-happened.png"), FullPage = true });

        await page.GetByLabel("Organisation").SelectOptionAsync("RQ3");
        await page.GetByLabel("Period").SelectOptionAsync("2024-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var files = await page.Locator("table.recent tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["RQ3_2024-05.csv"], files.ToArray());
        Assert.Contains("organisation=RQ3", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Choosing_a_role_for_an_unmapped_title_changes_the_facts_role_and_undo_puts_it_back()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        var reference = _dir.CopyReferenceData();
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["ReferenceData:Path"] = reference });
        var file = _dir.Write("RGT_2024-05.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 2).Replace("Clinical Scientist (Genomics)", "Genomic Data Wrangler", StringComparison.Ordinal));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();
        Assert.Equal("loaded", await page.Locator("section .outcome").InnerTextAsync());
        Assert.Equal("UNMAPPED", RoleOf(service, "Genomic Data Wrangler"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).ClickAsync();
        var queued = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "“Genomic Data Wrangler”" }) });
        Assert.Contains("None of the", await queued.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "review-queue.png"), FullPage = true });

        // Keyboard only: focus the role's list by its label, choose by the role's name in plain words, and press the button.
        await page.GetByLabel("Role for “Genomic Data Wrangler”").SelectOptionAsync(new SelectOptionValue { Label = "Bioinformatician / bioinformatics scientist (not registered)" });
        await page.GetByLabel("Why (optional, kept beside the choice)").FillAsync("Data wranglers are bioinformatics staff here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this role for “Genomic Data Wrangler”" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#message");

        Assert.Contains("Added the override: 'Genomic Data Wrangler' is BIOINF", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("BIOINF", RoleOf(service, "Genomic Data Wrangler"));
        Assert.Contains("Genomic Data Wrangler,BIOINF,Data wranglers are bioinformatics staff here", await File.ReadAllTextAsync(Path.Combine(reference, "title-overrides.csv")), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#queue + section").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "review-queue-chosen.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the role chosen for Genomic Data Wrangler" }).ClickAsync();
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("Removed the override", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("UNMAPPED", RoleOf(service, "Genomic Data Wrangler"));
    }

    [SkippableFact]
    public async Task A_viewer_sees_the_review_queue_but_cannot_change_a_rule()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        var reference = _dir.CopyReferenceData();
        var overrides = Path.Combine(reference, "title-overrides.csv");
        var before = await File.ReadAllTextAsync(overrides);

        // The browser reaches the service through a declared TLS-terminating proxy (its headers sent by the browser
        // here), so the service sees a request from another machine, as it would from the team's desks.
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["ReferenceData:Path"] = reference,
            ["Serve:TlsProxy"] = "127.0.0.1",
            ["Serve:Dashboard:Users:0:Name"] = "viewer",
            ["Serve:Dashboard:Users:0:PasswordHash"] = RequestAccess.Hash("viewer", Password),
            ["Serve:Dashboard:Users:0:ReadOnly"] = "true",
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var proxied = new Dictionary<string, string> { ["X-Forwarded-For"] = "10.20.30.40", ["X-Forwarded-Proto"] = "https" };

        var stranger = await browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = proxied });
        var refused = await stranger.APIRequest.GetAsync(service.Address + "/review");
        Assert.Equal(401, refused.Status);
        Assert.StartsWith("Basic", refused.Headers["www-authenticate"], StringComparison.Ordinal);

        var viewer = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = proxied,
            HttpCredentials = new HttpCredentials { Username = "viewer", Password = Password },
            ViewportSize = new ViewportSize { Width = 1200, Height = 700 },
        });
        var page = await viewer.NewPageAsync();
        var shown = await page.GotoAsync(service.Address + "/review");
        Assert.Equal(200, shown!.Status);
        Assert.Contains("You are signed in as a viewer", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form").CountAsync());
        Assert.Equal(0, await page.Locator("select, button").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "review-queue-viewer.png"), FullPage = true });

        // A post made by hand with the viewer's sign-in is refused before anything is read or written.
        var post = await page.APIRequest.PostAsync(service.Address + "/review/set", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("title", "Genomic Data Wrangler").Set("role", "BIOINF"),
        });
        Assert.Equal(403, post.Status);
        Assert.Equal(before, await File.ReadAllTextAsync(overrides));
        var upload = await page.GotoAsync(service.Address + "/send");
        Assert.Equal(0, await page.Locator("input[type=file]").CountAsync());
        Assert.Equal(200, upload!.Status);
    }

    [SkippableFact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        var reference = _dir.CopyReferenceData();
        var overrides = Path.Combine(reference, "title-overrides.csv");
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["ReferenceData:Path"] = reference });
        var file = _dir.Write("RGT_2024-05.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 2).Replace("Clinical Scientist (Genomics)", "Genomic Data Wrangler", StringComparison.Ordinal));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // Playwright's own script, past the page's policy that forbids any: the page itself runs none.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(service.Address + "/send");
        await page.Locator("input[name=__RequestVerificationToken]").EvaluateAsync("e => e.remove()");
        await page.GetByLabel("Files to send").SetInputFilesAsync(file);
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await page.WaitForLoadStateAsync();
        Assert.Contains("anti-forgery token is missing", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, service.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'load_batch'") > 0 ? service.Scalar("SELECT COUNT(*) FROM load_batch") : 0L);

        // The review page's form, the same.
        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();
        await page.GotoAsync(service.Address + "/review");
        var before = File.Exists(overrides) ? await File.ReadAllTextAsync(overrides) : null;
        await page.Locator("input[name=__RequestVerificationToken]").First.EvaluateAsync("e => e.remove()");
        await page.GetByLabel("Role for “Genomic Data Wrangler”").SelectOptionAsync(new SelectOptionValue { Label = "Bioinformatician / bioinformatics scientist (not registered)" });
        response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Use this role for “Genomic Data Wrangler”" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        Assert.Equal(before, File.Exists(overrides) ? await File.ReadAllTextAsync(overrides) : null);
        Assert.Equal("UNMAPPED", RoleOf(service, "Genomic Data Wrangler"));
    }

    [SkippableFact]
    public async Task Leaving_a_title_out_of_the_figures_asks_once_more_and_says_the_loaded_rows_go()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        var reference = _dir.CopyReferenceData();
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["ReferenceData:Path"] = reference });
        var file = _dir.Write("RGT_2024-05.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 2).Replace("Clinical Scientist (Genomics)", "Genomic Data Wrangler", StringComparison.Ordinal));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();
        await page.GotoAsync(service.Address + "/review");

        await page.GetByLabel("Role for “Genomic Data Wrangler”").SelectOptionAsync(new SelectOptionValue { Label = "Not a genomics post: leave it out of the figures" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this role for “Genomic Data Wrangler”" }).ClickAsync();

        // Nothing has changed yet: the page asks, naming what goes.
        Assert.Contains("the rows already loaded for those posts are deleted", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("UNMAPPED", RoleOf(service, "Genomic Data Wrangler"));
        Assert.DoesNotContain("Genomic Data Wrangler", await File.ReadAllTextAsync(Path.Combine(reference, "title-overrides.csv")), StringComparison.Ordinal);

        // "No" goes back with nothing changed; asked again, "yes" applies the choice.
        await page.GetByRole(AriaRole.Link, new() { Name = "No, go back to the review queue" }).ClickAsync();
        Assert.Equal(1, await page.GetByLabel("Role for “Genomic Data Wrangler”").CountAsync());
        await page.GetByLabel("Role for “Genomic Data Wrangler”").SelectOptionAsync(new SelectOptionValue { Label = "Not a genomics post: leave it out of the figures" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this role for “Genomic Data Wrangler”" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, leave “Genomic Data Wrangler” out of the figures" }).ClickAsync();
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("OUT-OF-SCOPE", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, SqliteFile.Scalar<long>(service.Database, "SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_position p ON p.position_id = f.position_id WHERE p.position_title = 'Genomic Data Wrangler'"));
    }

    [SkippableFact]
    public async Task At_200_percent_zoom_the_pages_reflow_without_sideways_scrolling_and_the_keyboard_reaches_every_control_in_order()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["ReferenceData:Path"] = _dir.CopyReferenceData() });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // A 1280-pixel-wide screen at 200%: 640 CSS pixels, each drawn twice as large.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 640, Height = 900 }, DeviceScaleFactor = 2, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(service.Address + "/send");
        await page.GetByLabel("Files to send").SetInputFilesAsync(_dir.Write("RGT_2024-05.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 1, rows: 2).Replace("Clinical Scientist (Genomics)", "Genomic Data Wrangler", StringComparison.Ordinal)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and load" }).ClickAsync();
        foreach (var path in new[] { "/send", "/review" })
        {
            await page.GotoAsync(service.Address + path);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 640 CSS pixels.");
        }

        Assert.Equal(1, await page.GetByLabel("Role for “Genomic Data Wrangler”").CountAsync());

        // Tab from the top of /send: the skip link, the five pages, then the form's controls in reading order.
        await page.GotoAsync(service.Address + "/send");
        var reached = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || e.textContent.trim(); }"));
        }

        Assert.Equal(["Skip to the page's content", "Send a return", "What happened", "Review queue", "Planning packs", "Jobs dashboard (technical)", "files", "accept", "Send and load"], reached);
    }

    private static string RoleOf(RunningService service, string title) => SqliteFile.Scalar<string>(service.Database,
        $"SELECT r.role_code FROM fact_staff_in_post f JOIN dim_position p ON p.position_id = f.position_id JOIN dim_role r ON r.role_id = f.role_id WHERE p.position_title = '{title.Replace("'", "''", StringComparison.Ordinal)}'");
}
