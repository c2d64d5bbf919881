using System.Globalization;
using System.Text;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;
using static StaffDataPipeline.Service.Pages.PageLayout;

namespace StaffDataPipeline.Service.Pages.Review;

/// <summary>The review queue page: the titles waiting for a role, each with a labelled choice of role, and the overrides with undo.</summary>
internal static class ReviewPage
{
    public static string Render(IReadOnlyList<ReviewTitle> queue, ReferenceDataSet reference, PageMessage? message, string? unavailable, bool canChange, string? token, string? dashboardPath)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var taxonomy = reference.Mapper.Taxonomy;
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(message.Ok ? "notice" : "problem")}\" role=\"status\" id=\"message\">{E(message.Text)}</p>\n");
        }

        if (unavailable is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">{E(unavailable)}</p>\n");
        }

        html.Append("<p>Job titles that no mapping rule decided but that mention genomics or genetics. Choose the role every post with that exact title has: the choice is kept in <code>title-overrides.csv</code> (tried before the rules, versioned with the taxonomy), and the posts already loaded change role at once. No rule needs writing.</p>\n");
        if (!canChange)
        {
            html.Append("<p class=\"notice\">You are signed in as a viewer: you can see the queue and the choices made, but choosing a role needs an editor.</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"queue\">Titles waiting for a role ({queue.Count})</h2>\n");
        if (queue.Count == 0)
        {
            html.Append("<p>None: every title with a genomics signal has a role.</p>\n");
        }

        var options = RoleOptions(taxonomy);
        foreach (var (t, i) in queue.Select((t, i) => (t, i)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"file\" aria-labelledby=\"t{i}\">\n<h3 id=\"t{i}\">“{E(t.Title)}”</h3>\n");
            html.Append(CultureInfo.InvariantCulture, $"<p>{t.Rows:N0} row(s){(t.FirstData is null ? string.Empty : t.FirstData == t.LastData ? $", data month {E(t.FirstData)}" : $", data months {E(t.FirstData)} to {E(t.LastData)}")}. {E(t.Why)}</p>\n");
            html.Append("<table><thead><tr><th scope=\"col\">Job role</th><th scope=\"col\">Staff group</th><th scope=\"col\">Occupation code</th><th scope=\"col\">Area of work</th><th scope=\"col\">Rows</th></tr></thead><tbody>\n");
            foreach (var c in t.Contexts)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Dash(c.JobRole))}</td><td>{E(Dash(c.StaffGroup))}</td><td>{E(Dash(c.OccupationCode))}</td><td>{E(Dash(c.AreaOfWork))}</td><td class=\"n\">{c.RowCount:N0}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            if (canChange)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <form method="post" action="{ReviewEndpoints.BasePath}/set">
                    {TokenField(PageAccess.TokenFieldName, token)}
                    <input type="hidden" name="title" value="{E(t.Title)}">
                    <label for="role{i}">Role for “{E(t.Title)}”</label>
                    <select id="role{i}" name="role" required>
                    <option value="">Choose a role…</option>
                    {options}
                    </select>
                    <label for="note{i}">Why (optional, kept beside the choice)</label>
                    <input type="text" id="note{i}" name="note" size="50" maxlength="200">
                    <p><button type="submit">Use this role for “{E(t.Title)}”</button></p>
                    </form>

                    """);
            }

            html.Append("</section>\n");
        }

        Overrides(html, reference, taxonomy, canChange, token);
        return PageLayout.Render("Review queue", ReviewEndpoints.BasePath, html.ToString(), dashboardPath);
    }

    private static void Overrides(StringBuilder html, ReferenceDataSet reference, RoleTaxonomy taxonomy, bool canChange, string? token)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"overrides\">Roles chosen for exact titles ({reference.TitleOverrides.Count})</h2>\n");
        if (reference.TitleOverrides.Count == 0)
        {
            html.Append("<p>None yet.</p>\n");
            return;
        }

        html.Append("<table class=\"overrides\"><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Role</th><th scope=\"col\">Why</th><th scope=\"col\">Line</th>");
        html.Append(canChange ? "<th scope=\"col\">Undo</th></tr></thead><tbody>\n" : "</tr></thead><tbody>\n");
        foreach (var o in reference.TitleOverrides)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(o.Title)}</td><td>{E(RoleName(taxonomy, o.RoleCode))} <code>{E(o.RoleCode)}</code></td><td>{E(o.Note)}</td><td class=\"n\">{o.SourceLine}</td>");
            if (canChange)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <td><form method="post" action="{ReviewEndpoints.BasePath}/remove">{TokenField(PageAccess.TokenFieldName, token)}<input type="hidden" name="title" value="{E(o.Title)}"><button type="submit" aria-label="Undo the role chosen for {E(o.Title)}">Undo</button></form></td>
                    """);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n<p class=\"todo\">Undo removes the choice: the rules decide the title again, and it returns to the queue if none does.</p>\n");
    }

    private static string RoleOptions(RoleTaxonomy taxonomy)
    {
        var html = new StringBuilder();
        foreach (var family in taxonomy.Roles.Where(r => r.Code is not Role.Unmapped and not Role.OutOfScope).GroupBy(r => r.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<optgroup label=\"{E(family.Key)}\">");
            foreach (var role in family.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(role.Code)}\">{E(role.Name)}</option>");
            }

            html.Append("</optgroup>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Role.OutOfScope}\">Not a genomics post: leave it out of the figures</option>");
        return html.ToString();
    }

    private static string RoleName(RoleTaxonomy taxonomy, string code) =>
        code == Role.OutOfScope ? "Not a genomics post (out of scope)" : taxonomy.Contains(code) ? taxonomy[code].Name : code;

    private static string Dash(string? value) => string.IsNullOrWhiteSpace(value) ? "-" : value;
}
