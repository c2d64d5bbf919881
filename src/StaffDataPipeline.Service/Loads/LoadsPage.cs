using System.Globalization;
using System.Net;
using System.Text;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Service.Pages;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Loads;

/// <summary>
/// The page of recent files: plain server-rendered HTML, every value encoded, no script. Readable by the workforce
/// team: what happened to each file, why, what to do, and its report.
/// </summary>
internal static class LoadsPage
{
    public static string Render(IReadOnlyList<LoadOutcome> outcomes, LoadsFilter filter, IReadOnlyList<RecentBatch> batches, IReadOnlyList<MissingReturns> missing, IReadOnlyCollection<Organisation> known, TimeZoneInfo zone, string? dashboardPath, string? unavailable)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Every file the warehouse recorded, newest first, however it came (this site, the inbox, a schedule or <code>staffdata load</code>); times are server time ({E(zone.Id)}).</p>\n");
        if (unavailable is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"failed\">{E(unavailable)}</p>\n");
        }

        Filter(html, filter, batches, known);
        Table(html, outcomes, filter, zone);
        Missing(html, missing);
        return PageLayout.Render("What happened", LoadsEndpoints.BasePath, html.ToString(), dashboardPath);
    }

    /// <summary>A search form (GET: it changes nothing, so it carries no anti-forgery token), labelled, for the keyboard.</summary>
    private static void Filter(StringBuilder html, LoadsFilter filter, IReadOnlyList<RecentBatch> batches, IReadOnlyCollection<Organisation> known)
    {
        var organisations = known.Select(o => (o.Code, Label: $"{o.Code} {o.Name}"))
            .Concat(batches.Where(b => b.OrganisationCode is not null).Select(b => (Code: b.OrganisationCode!, Label: b.OrganisationCode!)))
            .DistinctBy(o => o.Code, StringComparer.OrdinalIgnoreCase).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var periods = batches.Select(b => b.Period).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).OrderDescending(StringComparer.Ordinal).ToList();
        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" action="{LoadsEndpoints.BasePath}" class="filter">
            <fieldset><legend>Show only</legend>
            <label for="organisation">Organisation</label>
            <select id="organisation" name="organisation"><option value="">All organisations</option>
            """);
        foreach (var (code, label) in organisations)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(code)}\"{(string.Equals(code, filter.Organisation, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty)}>{E(label)}</option>");
        }

        html.Append("</select>\n<label for=\"period\">Period</label>\n<select id=\"period\" name=\"period\"><option value=\"\">All periods</option>");
        foreach (var period in periods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(period)}\"{(string.Equals(period, filter.Period, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty)}>{E(period)}</option>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</select>\n<p><button type=\"submit\">Show</button>{(filter.IsEmpty ? string.Empty : $" <a href=\"{LoadsEndpoints.BasePath}\">Show everything</a>")}</p>\n</fieldset>\n</form>\n");
    }

    private static void Missing(StringBuilder html, IReadOnlyList<MissingReturns> missing)
    {
        html.Append("<h2 id=\"missing\">No file yet</h2>\n");
        if (missing.Count == 0)
        {
            html.Append("<p>Nothing is loaded yet, so no period is expected.</p>\n");
            return;
        }

        html.Append("<p>For each of the latest periods something was loaded for, the organisations in the reference data that have sent no file of that kind for it (among the latest 500 files).</p>\n");
        html.Append("<table class=\"missing\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Period</th><th scope=\"col\">Received</th><th scope=\"col\">No file yet from</th></tr></thead><tbody>\n");
        foreach (var m in missing)
        {
            var names = m.Organisations.Count == 0 ? "none: every organisation has sent one" : string.Join("; ", m.Organisations.Select(o => $"{o.Code} {o.Name}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(m.Kind)}</td><td>{E(m.Period)}</td><td class=\"n\">{m.Received}</td><td>{E(names)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Table(StringBuilder html, IReadOnlyList<LoadOutcome> outcomes, LoadsFilter filter, TimeZoneInfo zone)
    {
        html.Append("<h2 id=\"recent\">Recent files</h2>\n");
        if (outcomes.Count == 0)
        {
            html.Append(filter.IsEmpty ? "<p>No file has been loaded yet.</p>\n" : "<p>No file matches: choose another organisation or period.</p>\n");
            return;
        }

        html.Append("<table class=\"recent\">\n<thead><tr><th>When</th><th>File</th><th>Organisation</th><th>Period</th><th>Outcome</th><th>Batch</th><th>Rows read</th><th>Loaded</th><th>Quarantined</th><th>Why, and what to do</th><th>Report</th></tr></thead>\n<tbody>\n");
        foreach (var o in outcomes)
        {
            var at = TimeZoneInfo.ConvertTime(o.At, zone);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</td><td>{E(o.File)}</td><td>{E(o.Organisation ?? "-")}</td><td>{E(o.Period ?? "-")}</td>");
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

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
