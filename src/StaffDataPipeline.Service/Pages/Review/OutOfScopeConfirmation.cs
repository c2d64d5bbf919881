using System.Globalization;
using static StaffDataPipeline.Service.Pages.PageLayout;

namespace StaffDataPipeline.Service.Pages.Review;

/// <summary>
/// The step before "not a genomics post": a remap deletes the loaded facts of an out-of-scope post (they name posts
/// the warehouse has no reason to keep), so undoing the choice later does not bring them back without loading the files
/// again. The page says so and asks once more, with no script: a second form posts the same choice with confirm=yes.
/// </summary>
internal static class OutOfScopeConfirmation
{
    public const string ConfirmField = "confirm";

    public static bool IsConfirmed(string? value) => string.Equals(value, "yes", StringComparison.Ordinal);

    public static string Render(string title, string note, string? token, string? dashboardPath)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"""
            <p class="problem" role="alert">You chose <strong>not a genomics post</strong> for “{E(title)}”.</p>
            <p>Every post with exactly this title leaves the figures, and the rows already loaded for those posts are deleted
            from the warehouse. Undoing the choice later puts the title back in the queue, but the deleted rows come back
            only when the files that held them are loaded again.</p>
            <form method="post" action="{ReviewEndpoints.BasePath}/set">
            {TokenField(PageAccess.TokenFieldName, token)}
            <input type="hidden" name="title" value="{E(title)}">
            <input type="hidden" name="role" value="{StaffDataPipeline.Taxonomy.Role.OutOfScope}">
            <input type="hidden" name="note" value="{E(note)}">
            <input type="hidden" name="{ConfirmField}" value="yes">
            <p><button type="submit">Yes, leave “{E(title)}” out of the figures</button></p>
            </form>
            <p><a href="{ReviewEndpoints.BasePath}">No, go back to the review queue</a></p>

            """);
        return PageLayout.Render("Leave a title out of the figures?", ReviewEndpoints.BasePath, body, dashboardPath);
    }
}
