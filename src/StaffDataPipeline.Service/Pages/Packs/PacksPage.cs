using System.Globalization;
using System.Text;
using StaffDataPipeline.Hosting.Packs;

namespace StaffDataPipeline.Service.Pages.Packs;

/// <summary>The list of planning packs: when each was built, the data it was run on, its scenarios and its files.</summary>
internal static class PacksPage
{
    public static string Render(IReadOnlyList<PackManifest> packs, TimeZoneInfo zone, string? dashboardPath)
    {
        var html = new StringBuilder();
        html.Append("""
            <p>The planning pack shows, for England, each NHS England region and each Genomic Laboratory Hub, the workforce
            projected 10 years ahead with its likely range, against the demand stated in the survey returns, and the
            training places that would close the gap. The workbook's charts can be restyled in Excel; the web page opens in
            any browser, also offline, and prints. Both hold the same figures.</p>
            """);
        html.Append('\n');
        if (packs.Count == 0)
        {
            html.Append("""
                <p class="notice">No planning pack has been published yet. The data engineers can schedule one after the
                nightly load (a job in Schedule:Jobs with BuildPack set to true) or build one by hand with
                <code>staffdata plan --pack</code>; it then appears here.</p>
                """);
            html.Append('\n');
            return PageLayout.Render("Planning packs", PacksEndpoints.BasePath, html.ToString(), dashboardPath);
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Newest first; times are server time ({PageLayout.E(zone.Id)}).</p>\n");
        html.Append("<table class=\"packs\">\n<caption class=\"skip\">Planning packs</caption>\n<thead><tr><th scope=\"col\">Built</th><th scope=\"col\">Data as of</th><th scope=\"col\">Scenarios</th><th scope=\"col\">Download</th></tr></thead>\n<tbody>\n");
        foreach (var pack in packs)
        {
            var built = TimeZoneInfo.ConvertTime(pack.BuiltAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{PageLayout.E(built)}</td><td>{pack.DataAsOf:yyyy-MM-dd}</td><td>{PageLayout.E(string.Join(", ", pack.Scenarios))}</td><td>");
            html.Append(string.Join("<br>", pack.Files.Select(f =>
                $"<a href=\"{PacksEndpoints.BasePath}/{Uri.EscapeDataString(f.Name)}\" download>{PageLayout.E(Describe(f.Extension))}</a> ({PageLayout.E(Size(f.Bytes))})")));
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return PageLayout.Render("Planning packs", PacksEndpoints.BasePath, html.ToString(), dashboardPath);
    }

    private static string Describe(string extension) => extension switch
    {
        ".xlsx" => "Workbook (Excel)",
        ".html" => "Web page",
        _ => extension.TrimStart('.'),
    };

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB");
}
