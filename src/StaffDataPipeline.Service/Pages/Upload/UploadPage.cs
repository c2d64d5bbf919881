using System.Globalization;
using System.Text;
using StaffDataPipeline.Service.Settings;
using static StaffDataPipeline.Service.Pages.PageLayout;

namespace StaffDataPipeline.Service.Pages.Upload;

/// <summary>The "Send a return" page: the form, and after a send, one section per file saying what happened.</summary>
internal static class UploadPage
{
    private const int RowsShown = 200;

    public static string Render(IReadOnlyList<UploadResult> results, string? problem, bool canChange, string? token, ServeSettings serve, string? dashboardPath)
    {
        var html = new StringBuilder();
        if (problem is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\" role=\"alert\">{E(problem)}</p>\n");
        }

        if (results.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"results\">What happened to the {results.Count} file(s) you sent</h2>\n");
            foreach (var r in results)
            {
                Result(html, r);
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>Send files</h2>
            <p>Send ESR staff-in-post exports (.csv, .txt, .xlsx, .xls) and survey returns (.xlsx) exactly as you would drop them into the inbox folder:
            each one is checked and loaded on its own, and this page then says whether it loaded and, if not, why and what to do.
            A corrected file sent again replaces the earlier one for the same organisation and month (or return).
            At most {serve.UploadMaxFiles} files and {E((serve.UploadMaxBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture))} MB at once.</p>

            """);
        if (!canChange)
        {
            html.Append("<p class=\"notice\">You are signed in as a viewer: you can see what happened on the other pages, but sending files needs an editor.</p>\n");
            return PageLayout.Render("Send a return", UploadEndpoints.BasePath, html.ToString(), dashboardPath);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="{UploadEndpoints.BasePath}" enctype="multipart/form-data">
            {TokenField(PageAccess.TokenFieldName, token)}
            <label for="files">Files to send</label>
            <input type="file" id="files" name="files" multiple required accept=".csv,.txt,.xlsx,.xlsm,.xls" aria-describedby="files-hint">
            <p id="files-hint" class="todo">Choose one or more files; hold Ctrl (or Cmd) to choose several.</p>
            <p><input type="checkbox" id="accept" name="accept" value="yes" aria-describedby="accept-hint"> <label for="accept" style="display:inline">Load it even if it is far smaller than what it replaces</label></p>
            <p id="accept-hint" class="todo">Only for a file that was held before and that you have checked is right (posts really did go).</p>
            <p><button type="submit">Send and load</button></p>
            </form>

            """);
        return PageLayout.Render("Send a return", UploadEndpoints.BasePath, html.ToString(), dashboardPath);
    }

    private static void Result(StringBuilder html, UploadResult r)
    {
        var css = r.Outcome.Replace(' ', '-');
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"file\" aria-label=\"{E(r.File)}\">\n<h3>{E(r.File)}: <span class=\"outcome {E(css)}\" data-outcome=\"{E(r.Outcome)}\">{E(r.Outcome)}</span></h3>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"sentence\">{E(r.Sentence)}</p>\n");
        if (r.Why is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"why\"><strong>Why:</strong> {E(r.Why)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"todo\"><strong>What to do:</strong> {E(r.WhatToDo)}</p>\n");
        if (r.Quarantined.Count > 0)
        {
            var shown = r.Quarantined.Take(RowsShown).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"quarantined\">\n<caption>Rows with problems{(r.QuarantinedCount > shown.Count ? $" (the first {shown.Count:N0} of {r.QuarantinedCount:N0})" : string.Empty)}</caption>\n");
            html.Append("<thead><tr><th scope=\"col\">Sheet</th><th scope=\"col\">Row</th><th scope=\"col\">Column</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
            foreach (var row in shown)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Sheet ?? "-")}</td><td class=\"n\">{row.RowNumber:N0}</td><td>{E(row.Column)}</td><td><code>{E(row.ReasonCode)}</code> {E(row.Message)}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (r.ReportUrl is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(r.ReportUrl)}\">The full report of {E(r.File)}</a></p>\n");
        }

        html.Append("</section>\n");
    }
}
