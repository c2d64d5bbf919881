using Microsoft.Playwright;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.WebPages;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>
/// The pack's page in Debian's chromium (through Playwright, as the service's page tests): every chart draws, nothing
/// is fetched, the page reflows at 200% zoom and prints. Skipped, saying why, where chromium is not installed.
/// </summary>
public sealed class PackBrowserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task Every_chart_renders_with_its_band_and_lines_and_the_page_fetches_nothing()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        var document = PackSamples.Realistic();
        var file = _dir.Write("planning-pack.html", HtmlPackWriterTests.Write(document));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 1400 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(file).AbsoluteUri);

        var charts = document.Sheets.SelectMany(s => s.Blocks.OfType<PackChart>()).ToList();
        var svgs = page.Locator("svg.chart");
        Assert.Equal(charts.Count, await svgs.CountAsync());
        for (var i = 0; i < charts.Count; i++)
        {
            var svg = svgs.Nth(i);
            Assert.Equal(charts[i].Title, await svg.GetAttributeAsync("aria-label"));
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 400, Height: > 250 }, $"Chart {i + 1} is drawn {box?.Width}x{box?.Height}.");
            // Each line drawn across the plot, not collapsed to a point.
            var lineWidths = await svg.Locator("polyline.line").EvaluateAllAsync<double[]>("els => els.map(e => e.getBBox().width)");
            Assert.Equal(charts[i].Series.Count(s => s.Kind is PackSeriesKind.Line or PackSeriesKind.Demand), lineWidths.Length);
            Assert.All(lineWidths, w => Assert.True(w > 500, $"A line of chart {i + 1} is only {w} wide."));
            var band = await svg.Locator("polygon.band").EvaluateAllAsync<double[]>("els => els.map(e => e.getBBox().height)");
            Assert.Equal(charts[i].Series.Any(s => s.Kind == PackSeriesKind.BandLow) ? 1 : 0, band.Length);
            Assert.All(band, h => Assert.True(h > 5, $"The band of chart {i + 1} is only {h} high."));
            // The picture of the chart is not blank: a share of its pixels are neither white nor near it.
            var picture = await svg.ScreenshotAsync();
            var inked = await page.EvaluateAsync<double>(
                """
                async png => {
                  const img = new Image();
                  img.src = 'data:image/png;base64,' + png;
                  await img.decode();
                  const canvas = document.createElement('canvas');
                  canvas.width = img.width; canvas.height = img.height;
                  const ctx = canvas.getContext('2d');
                  ctx.drawImage(img, 0, 0);
                  const data = ctx.getImageData(0, 0, img.width, img.height).data;
                  let inked = 0;
                  for (let p = 0; p < data.length; p += 4) if (data[p] < 230 || data[p + 1] < 230 || data[p + 2] < 230) inked++;
                  return inked / (data.length / 4);
                }
                """, Convert.ToBase64String(picture));
            Assert.True(inked > 0.03, $"Chart {i + 1} has only {inked:P1} of its pixels drawn.");
        }

        Assert.All(requests, url => Assert.StartsWith("file:", url, StringComparison.Ordinal));
        // The top of the page for the docs: title, contents and the first chart.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot(_dir.Path, "planning-pack-page.png") });
    }

    [SkippableFact]
    public async Task At_200_percent_zoom_the_page_reflows_without_scrolling_sideways_and_it_prints()
    {
        Skip.If(Browser.ExecutablePath is null, Browser.Missing);
        var file = _dir.Write("planning-pack.html", HtmlPackWriterTests.Write(PackSamples.Realistic()));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        // A 1280-pixel window at 200% zoom: 640 CSS pixels wide, each drawn twice the size.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 640, Height = 800 }, DeviceScaleFactor = 2 });

        await page.GotoAsync(new Uri(file).AbsoluteUri);

        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (sizes[0], sizes[1]);
        Assert.True(scroll <= client, $"The page is {scroll} CSS pixels wide in a {client}-pixel window.");
        var widest = await page.Locator("svg.chart").EvaluateAllAsync<double>("els => Math.max(...els.map(e => e.getBoundingClientRect().right))");
        Assert.True(widest <= client);
        // Chart text still legible: the tick labels are at least 9 CSS pixels high once the chart is scaled to fit.
        var tick = await page.Locator("svg.chart .ticks text").First.BoundingBoxAsync();
        Assert.True(tick!.Height >= 9, $"Tick labels are {tick.Height} pixels high.");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]") >= 5, "Each section starts a printed page.");
    }
}
