using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StaffDataPipeline.Service.Pages;
using StaffDataPipeline.Service.Pages.Upload;
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
    private const int PeriodsShown = 6;

    public static void MapLoads(this IEndpointRouteBuilder app)
    {
        // The same users as the dashboard (viewers included: nothing here changes anything).
        var loads = app.MapGroup(BasePath).RequireAccess();

        loads.MapGet("/", async (int? count, string? organisation, string? period, IWarehouseHealth warehouse, JobStorage storage, ServeSettings serve, TimeProvider time, ReportFinder reports, ReferenceData.ReferenceDataSet reference, RecentUploads uploads, CancellationToken ct) =>
        {
            var filter = new LoadsFilter(Blank(organisation), Blank(period));

            // The filter and the list of missing returns look further back than the page shows.
            var shown = Math.Clamp(count ?? DefaultCount, 1, MaxCount);
            var (batches, unavailable) = await Batches(MaxCount, warehouse, ct);
            var outcomes = Outcomes(batches, storage, reports, uploads, MaxCount).Where(filter.Matches).Take(shown).ToList();
            var missing = ReturnCoverage.Of(batches, reference.Organisations.All, PeriodsShown);
            var html = LoadsPage.Render(outcomes, filter, batches, missing, reference.Organisations.All, time.LocalTimeZone, serve.Dashboard.Enabled ? serve.Dashboard.Path : null, unavailable);
            return Results.Content(html, "text/html; charset=utf-8", statusCode: unavailable is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        loads.MapGet("/recent.json", async (int? count, IWarehouseHealth warehouse, JobStorage storage, ReportFinder reports, RecentUploads uploads, CancellationToken ct) =>
        {
            var (outcomes, unavailable) = await Recent(Math.Clamp(count ?? DefaultCount, 1, MaxCount), warehouse, storage, reports, uploads, ct);
            return unavailable is null ? Results.Ok(outcomes) : Results.Json(new { error = unavailable }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        loads.MapGet("/{batchId:long}/report", (long batchId, IWarehouseHealth warehouse, ReportFinder reports, CancellationToken ct) =>
            Serve(batchId, warehouse, reports, errors: false, ct));
        loads.MapGet("/{batchId:long}/errors", (long batchId, IWarehouseHealth warehouse, ReportFinder reports, CancellationToken ct) =>
            Serve(batchId, warehouse, reports, errors: true, ct));
    }

    private static async Task<(IReadOnlyList<LoadOutcome> Outcomes, string? Unavailable)> Recent(int count, IWarehouseHealth warehouse, JobStorage storage, ReportFinder reports, RecentUploads uploads, CancellationToken ct)
    {
        var (batches, unavailable) = await Batches(count, warehouse, ct);
        return (Outcomes(batches, storage, reports, uploads, count).Take(count).ToList(), unavailable);
    }

    private static async Task<(IReadOnlyList<RecentBatch> Batches, string? Unavailable)> Batches(int count, IWarehouseHealth warehouse, CancellationToken ct)
    {
        try
        {
            return (await warehouse.RecentBatchesAsync(count, ct), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ([], $"The warehouse could not be read ({ex.GetType().Name}); /health says more.");
        }
    }

    private static IEnumerable<LoadOutcome> Outcomes(IReadOnlyList<RecentBatch> batches, JobStorage storage, ReportFinder reports, RecentUploads uploads, int count) =>
        batches.Select(b => LoadOutcome.Of(b, reports.Find(b), BasePath))
            .Concat(RedroppedFiles.Read(storage, count))
            .Concat(uploads.Read())
            .OrderByDescending(o => o.At);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
