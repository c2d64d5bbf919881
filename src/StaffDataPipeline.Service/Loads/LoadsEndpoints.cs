using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StaffDataPipeline.Service.Dashboard;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Loads;

/// <summary>
/// /loads: the recent files and their outcomes (HTML, and the same as JSON at /loads/recent.json), with each file's
/// report and errors file where the inbox wrote one. Read-only, behind the dashboard's authorisation: this machine, or
/// a configured user (viewers included).
/// </summary>
internal static class LoadsEndpoints
{
    public const string BasePath = "/loads";
    private const int DefaultCount = 100;
    private const int MaxCount = 500;

    public static void MapLoads(this IEndpointRouteBuilder app)
    {
        var loads = app.MapGroup(BasePath).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.RequestServices.GetService(typeof(RequestAccess)) is RequestAccess access && access.Evaluate(http) != Access.Denied)
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
                return await next(context);
            }

            http.Response.Headers.WWWAuthenticate = "Basic realm=\"staffdata\", charset=\"UTF-8\"";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        });

        loads.MapGet("/", async (int? count, IWarehouseHealth warehouse, JobStorage storage, ServeSettings serve, TimeProvider time, ReportFinder reports, CancellationToken ct) =>
        {
            var (outcomes, unavailable) = await Recent(Math.Clamp(count ?? DefaultCount, 1, MaxCount), warehouse, storage, reports, ct);
            var html = LoadsPage.Render(outcomes, time.LocalTimeZone, serve.Dashboard.Enabled ? serve.Dashboard.Path : null, unavailable);
            return Results.Content(html, "text/html; charset=utf-8", statusCode: unavailable is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        loads.MapGet("/recent.json", async (int? count, IWarehouseHealth warehouse, JobStorage storage, ReportFinder reports, CancellationToken ct) =>
        {
            var (outcomes, unavailable) = await Recent(Math.Clamp(count ?? DefaultCount, 1, MaxCount), warehouse, storage, reports, ct);
            return unavailable is null ? Results.Ok(outcomes) : Results.Json(new { error = unavailable }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        loads.MapGet("/{batchId:long}/report", (long batchId, IWarehouseHealth warehouse, ReportFinder reports, CancellationToken ct) =>
            Serve(batchId, warehouse, reports, errors: false, ct));
        loads.MapGet("/{batchId:long}/errors", (long batchId, IWarehouseHealth warehouse, ReportFinder reports, CancellationToken ct) =>
            Serve(batchId, warehouse, reports, errors: true, ct));
    }

    private static async Task<(IReadOnlyList<LoadOutcome> Outcomes, string? Unavailable)> Recent(int count, IWarehouseHealth warehouse, JobStorage storage, ReportFinder reports, CancellationToken ct)
    {
        IReadOnlyList<RecentBatch> batches;
        string? unavailable = null;
        try
        {
            batches = await warehouse.RecentBatchesAsync(count, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            batches = [];
            unavailable = $"The warehouse could not be read ({ex.GetType().Name}); /health says more.";
        }

        var outcomes = batches.Select(b => LoadOutcome.Of(b, reports.Find(b), BasePath))
            .Concat(RedroppedFiles.Read(storage, count))
            .OrderByDescending(o => o.At)
            .Take(count)
            .ToList();
        return (outcomes, unavailable);
    }

    /// <summary>A batch's report or errors file, found by <see cref="ReportFinder"/> in the configured folders only.</summary>
    private static async Task<IResult> Serve(long batchId, IWarehouseHealth warehouse, ReportFinder reports, bool errors, CancellationToken ct)
    {
        var batch = (await warehouse.RecentBatchesAsync(MaxCount, ct)).FirstOrDefault(b => b.BatchId == batchId);
        var found = batch is null ? null : reports.Find(batch);
        var path = errors ? found?.Errors : found?.Report;
        if (path is null)
        {
            return Results.NotFound($"No report for batch {batchId}: it is not among the latest {MaxCount} batches, or it did not come through the inbox, or its report was moved.");
        }

        return errors
            ? Results.File(path, "text/csv; charset=utf-8", Path.GetFileName(path))
            : Results.File(path, "text/plain; charset=utf-8");
    }
}
