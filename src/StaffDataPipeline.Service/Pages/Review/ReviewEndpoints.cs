using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Pages.Review;

/// <summary>
/// /review: the review queue by choosing. Lists the titles no rule decided, with their context and counts; an editor
/// picks a role for one, which writes an exact-title override and remaps (through <see cref="TitleOverrideEditor"/>,
/// the same path as `staffdata override`); the overrides are listed with an undo button. Viewers see, but cannot change.
/// </summary>
internal static class ReviewEndpoints
{
    public const string BasePath = "/review";

    public static void MapReview(this IEndpointRouteBuilder app, string? dashboardPath)
    {
        var group = app.MapGroup(BasePath).RequireAccess();
        group.MapGet("/", (HttpContext http, ReferenceDataSet reference, IWarehouseReview review, CancellationToken ct) =>
            Page(http, reference, review, null, dashboardPath, ct));

        group.MapPost("/set", async (HttpContext http, IServiceProvider services, ILogger<TitleOverrideEditor> logger, CancellationToken ct) =>
        {
            if (await PageAccess.RefuseChangeAsync(http, BasePath, dashboardPath) is { } refused)
            {
                return refused;
            }

            var form = await http.Request.ReadFormAsync(ct);
            var title = form["title"].ToString();
            var role = form["role"].ToString();
            if (title.Trim().Length == 0 || role.Trim().Length == 0)
            {
                return await Fresh(http, services, new PageMessage(false, "Choose a role for the title, then press the button beside it."), dashboardPath, ct);
            }

            if (role.Trim() == StaffDataPipeline.Taxonomy.Role.OutOfScope && !OutOfScopeConfirmation.IsConfirmed(form[OutOfScopeConfirmation.ConfirmField]))
            {
                return Results.Content(OutOfScopeConfirmation.Render(title, form["note"].ToString(), PageAccess.Token(http), dashboardPath), "text/html; charset=utf-8");
            }

            var change = await Editor(services).SetAsync(title, role, form["note"].ToString(), ct);
            logger.LogInformation("Review page: {Message}", change.Message);
            return await Fresh(http, services, PageMessage.Of(change), dashboardPath, ct);
        });

        group.MapPost("/remove", async (HttpContext http, IServiceProvider services, ILogger<TitleOverrideEditor> logger, CancellationToken ct) =>
        {
            if (await PageAccess.RefuseChangeAsync(http, BasePath, dashboardPath) is { } refused)
            {
                return refused;
            }

            var form = await http.Request.ReadFormAsync(ct);
            var change = await Editor(services).RemoveAsync(form["title"].ToString(), ct);
            logger.LogInformation("Review page: {Message}", change.Message);
            return await Fresh(http, services, PageMessage.Of(change), dashboardPath, ct);
        });
    }

    private static TitleOverrideEditor Editor(IServiceProvider services) => services.GetRequiredService<TitleOverrideEditor>();

    // After a change the reference data on disk is new: read it in a new scope, not the request's (read before the change).
    private static async Task<IResult> Fresh(HttpContext http, IServiceProvider services, PageMessage message, string? dashboardPath, CancellationToken ct)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await Page(http, scope.ServiceProvider.GetRequiredService<ReferenceDataSet>(), scope.ServiceProvider.GetRequiredService<IWarehouseReview>(), message, dashboardPath, ct);
    }

    private static async Task<IResult> Page(HttpContext http, ReferenceDataSet reference, IWarehouseReview review, PageMessage? message, string? dashboardPath, CancellationToken ct)
    {
        IReadOnlyList<UnmappedTitle> unmapped;
        string? unavailable = null;
        try
        {
            unmapped = await review.UnmappedAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            unmapped = [];
            unavailable = $"The warehouse could not be read ({ex.GetType().Name}); /health says more.";
        }

        var html = ReviewPage.Render(ReviewQueue.Of(unmapped, reference.Mapper), reference, message, unavailable, PageAccess.CanChange(http), PageAccess.Token(http), dashboardPath);
        var status = message is { Ok: false } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

/// <summary>The sentence shown at the top of the page after a change, and whether it worked.</summary>
internal sealed record PageMessage(bool Ok, string Text)
{
    public static PageMessage Of(OverrideChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status != OverrideChangeStatus.Changed || change.Remap is not { } remap)
        {
            return new PageMessage(false, change.Message);
        }

        return new PageMessage(true, $"{change.Message} The warehouse was remapped: {remap.PostsChanged:N0} post(s) changed role, {remap.FactsUpdated:N0} fact(s) updated, {remap.FactsRemovedAsOutOfScope:N0} removed as out of scope, {remap.SurveyLinesChanged:N0} survey line(s) changed.");
    }
}
