using System.Globalization;
using System.Net;
using System.Text;

namespace StaffDataPipeline.Service.Loads;

/// <summary>
/// The page of recent files: plain server-rendered HTML, every value encoded, no script. Readable by the workforce
/// team: what happened to each file, why, what to do, and its report.
/// </summary>
internal static class LoadsPage
{
    public static string Render(IReadOnlyList<LoadOutcome> outcomes, TimeZoneInfo zone, string? dashboardPath, string? unavailable)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="robots" content="noindex">
            <title>StaffDataPipeline: recent files</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .4rem .5rem; text-align: left; vertical-align: top; }
            td.n { text-align: right; white-space: nowrap; }
            .outcome { font-weight: bold; white-space: nowrap; }
            .loaded { color: #1a7f37; } .already-loaded { color: #555; } .rejected, .failed { color: #b42318; } .held { color: #b54708; }
            .todo { color: #444; font-size: .92em; }
            </style>
            </head>
            <body>
            <h1>Recent files</h1>

            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Every file the warehouse recorded, newest first, however it came (inbox, schedule or <code>staffdata load</code>); times are server time ({E(zone.Id)}).");
        if (dashboardPath is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" The jobs themselves are on the <a href=\"{E(dashboardPath)}\">dashboard</a>.");
        }

        html.Append("</p>\n");
        if (unavailable is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"failed\">{E(unavailable)}</p>\n");
        }

        if (outcomes.Count == 0)
        {
            html.Append("<p>No file has been loaded yet.</p>\n</body>\n</html>\n");
            return html.ToString();
        }

        html.Append("<table>\n<thead><tr><th>When</th><th>File</th><th>Outcome</th><th>Batch</th><th>Rows read</th><th>Loaded</th><th>Quarantined</th><th>Why, and what to do</th><th>Report</th></tr></thead>\n<tbody>\n");
        foreach (var o in outcomes)
        {
            var at = TimeZoneInfo.ConvertTime(o.At, zone);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</td><td>{E(o.File)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"outcome {E(o.Outcome.Replace(' ', '-'))}\">{E(o.Outcome)}{(o.ReasonCode is null ? string.Empty : $"<br><code>{E(o.ReasonCode)}</code>")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{o.BatchId}</td><td class=\"n\">{o.RowsRead:N0}</td><td class=\"n\">{o.RowsLoaded:N0}</td><td class=\"n\">{o.RowsQuarantined:N0}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{E(o.Reason)}{(o.WhatToDo.Length == 0 ? string.Empty : $"<div class=\"todo\">What to do: {E(o.WhatToDo)}</div>")}</td><td>");
            if (o.ReportUrl is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(o.ReportUrl)}\">report</a>");
            }

            if (o.ErrorsUrl is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<br><a href=\"{E(o.ErrorsUrl)}\">rows with problems (CSV)</a>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
