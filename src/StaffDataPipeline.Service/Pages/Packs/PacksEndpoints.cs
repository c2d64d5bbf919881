using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StaffDataPipeline.Hosting.Packs;

namespace StaffDataPipeline.Service.Pages.Packs;

/// <summary>
/// /packs: the planning packs published to the outbox, newest first, each with its data date and scenarios, to
/// download as a workbook or a web page. Read-only, under the dashboard's users (viewers included). Only files a pack's
/// manifest lists are served, always as a download (never rendered by this site).
/// </summary>
internal static class PacksEndpoints
{
    public const string BasePath = "/packs";

    public static void MapPacks(this IEndpointRouteBuilder app, string? dashboardPath)
    {
        var group = app.MapGroup(BasePath).RequireAccess();
        group.MapGet("/", (PackOutbox outbox, TimeProvider time) =>
            Results.Content(PacksPage.Render(outbox.List(), time.LocalTimeZone, dashboardPath), "text/html; charset=utf-8"));
        group.MapGet("/{name}", (string name, HttpContext http, PackOutbox outbox) =>
        {
            if (outbox.Find(name) is not { } found)
            {
                return Results.NotFound("No such pack file: it is not among the packs listed on /packs (older packs are removed as new ones are published).");
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(found.Path, ContentType(found.File.Extension), found.File.Name);
        });
    }

    private static string ContentType(string extension) => extension switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };
}
