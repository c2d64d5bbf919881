using System.Globalization;
using System.Net;
using System.Text;

namespace StaffDataPipeline.Service.Pages;

/// <summary>
/// The shell every page of the workforce team's site shares: plain server-rendered HTML, every value encoded, no
/// script and no font or style from elsewhere, a skip link and one navigation list, so the pages work from the keyboard
/// and at 200% zoom (the layout reflows; nothing is fixed-width).
/// </summary>
internal static class PageLayout
{
    /// <summary>The pages, in the order the navigation lists them.</summary>
    private static readonly (string Path, string Label)[] Sections =
    [
        (Upload.UploadEndpoints.BasePath, "Send a return"),
        (Loads.LoadsEndpoints.BasePath, "What happened"),
        (Review.ReviewEndpoints.BasePath, "Review queue"),
        (Packs.PacksEndpoints.BasePath, "Planning packs"),
    ];

    public const string Styles = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1f1f1f; line-height: 1.45; }
        header { background: #005eb8; color: #fff; padding: .6rem 1.5rem; }
        header a { color: #fff; }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.2rem; }
        nav a[aria-current] { font-weight: bold; text-decoration-thickness: 3px; }
        main { padding: 1rem 1.5rem 2rem; max-width: 80rem; }
        .skip { position: absolute; left: -999rem; } .skip:focus { left: 1rem; top: .5rem; background: #ffeb3b; color: #000; padding: .3rem; }
        a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border-bottom: 1px solid #ccc; padding: .4rem .5rem; text-align: left; vertical-align: top; }
        td.n { text-align: right; white-space: nowrap; }
        .outcome { font-weight: bold; white-space: nowrap; }
        .loaded { color: #1a7f37; } .already-loaded { color: #4a4a4a; } .rejected, .failed, .refused { color: #b42318; } .held, .waiting { color: #8a4b00; }
        .todo { color: #333; }
        .notice { border-left: 5px solid #005eb8; padding: .4rem .8rem; background: #eef5fc; }
        .problem { border-left: 5px solid #b42318; padding: .4rem .8rem; background: #fdf0ef; }
        fieldset { border: 1px solid #aaa; margin: 0 0 1rem; }
        label { display: block; font-weight: 600; margin: .4rem 0 .2rem; }
        input[type=text], select { font: inherit; padding: .25rem; max-width: 100%; }
        button { font: inherit; padding: .35rem .9rem; cursor: pointer; }
        .file { border: 1px solid #ccc; padding: .3rem 1rem 1rem; margin: 1rem 0; }
        """;

    public static string Render(string title, string currentPath, string body, string? dashboardPath)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{E(title)}: StaffDataPipeline</title>
            <style>{Styles}</style>
            </head>
            <body>
            <a class="skip" href="#main">Skip to the page's content</a>
            <header>
            <nav aria-label="Pages"><ul>
            """);
        foreach (var (path, label) in Sections)
        {
            var current = string.Equals(path, currentPath, StringComparison.Ordinal) ? " aria-current=\"page\"" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(path)}\"{current}>{E(label)}</a></li>");
        }

        if (dashboardPath is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(dashboardPath)}\">Jobs dashboard (technical)</a></li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul></nav>\n</header>\n<main id=\"main\">\n<h1>{E(title)}</h1>\n");
        html.Append(body);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The hidden field that carries the anti-forgery token in every form.</summary>
    public static string TokenField(string fieldName, string? token) =>
        $"<input type=\"hidden\" name=\"{E(fieldName)}\" value=\"{E(token ?? string.Empty)}\">";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
