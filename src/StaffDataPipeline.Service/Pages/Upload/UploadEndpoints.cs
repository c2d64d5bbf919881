using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Service.Loads;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Pages.Upload;

/// <summary>
/// /send: the workforce team sends returns from the browser. Each file goes the watched folder's way: stored as an
/// inbox file (in the inbox's uploads/ folder, which the watcher does not scan, so it is taken once), loaded by
/// <see cref="InboxFileJob"/> (the same checks, one batch, the same report) and moved to processed/ or rejected/ like
/// any dropped file; the page then shows what happened to each. The request's size is checked before it is read.
/// </summary>
internal static class UploadEndpoints
{
    public const string BasePath = "/send";

    /// <summary>Below the inbox: not scanned by the watcher, never the same as processed/ or rejected/.</summary>
    public const string UploadsFolder = "uploads";

    // SQLite has one writer: uploads are loaded one after another (the Hangfire worker may still run beside them).
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static void MapUpload(this IEndpointRouteBuilder app, string? dashboardPath)
    {
        var group = app.MapGroup(BasePath).RequireAccess();
        group.MapGet("/", (HttpContext http, ServeSettings serve) => Page(http, serve, [], null, dashboardPath));
        group.MapPost("/", async (HttpContext http, ServeSettings serve, WatchSettings watch, ILogger<UploadResult> logger, CancellationToken ct) =>
        {
            // Size first, from the header, before a byte of the body is read; Kestrel enforces the same limit while reading.
            if (http.Request.ContentLength is { } declared && declared > serve.UploadMaxBytes)
            {
                return TooLarge(http, serve, dashboardPath);
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = serve.UploadMaxBytes;
            }

            IFormCollection form;
            try
            {
                if (await PageAccess.RefuseChangeAsync(http, BasePath, dashboardPath) is { } refused)
                {
                    return refused;
                }

                form = await http.Request.ReadFormAsync(ct);
            }
            catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                return TooLarge(http, serve, dashboardPath);
            }

            if (form.Files.Count == 0)
            {
                return Page(http, serve, [], "Choose at least one file to send.", dashboardPath);
            }

            if (form.Files.Count > serve.UploadMaxFiles)
            {
                return Page(http, serve, [], $"Send at most {serve.UploadMaxFiles} files at once; {form.Files.Count} were chosen.", dashboardPath);
            }

            var accept = form["accept"].ToString() == "yes";
            var results = new List<UploadResult>();
            foreach (var file in form.Files)
            {
                results.Add(await TakeAsync(http.RequestServices, file, accept, serve, watch, logger, ct));
            }

            return Page(http, serve, results, null, dashboardPath);
        });
    }

    private static async Task<UploadResult> TakeAsync(IServiceProvider services, IFormFile upload, bool accept, ServeSettings serve, WatchSettings watch, ILogger logger, CancellationToken ct)
    {
        var name = UploadCheck.SafeName(upload.FileName);
        if (name is null)
        {
            return UploadResult.Refused("(no name)", "The file has no name: choose it again from its folder.");
        }

        var start = new byte[UploadCheck.SniffLength];
        int read;
        await using (var stream = upload.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        }

        if (UploadCheck.Refusal(name, upload.Length, serve.UploadMaxBytes, start.AsSpan(0, read)) is { } why)
        {
            logger.LogWarning("Upload {File} refused before it was stored: {Why}", name, why);
            return UploadResult.Refused(name, why);
        }

        // A folder of its own per file keeps the name the team gave it (the load reads the month from it) without
        // clashing with another upload of the same name; accept/ is the inbox's word for "load it although far smaller".
        var folder = Path.Combine(watch.ResolvedPath, UploadsFolder, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..30]);
        if (accept)
        {
            folder = Path.Combine(folder, InboxFolder.AcceptFolder);
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        await using (var source = upload.OpenReadStream())
        {
            await source.CopyToAsync(target, ct);
        }

        logger.LogInformation("Upload {File}: stored ({Bytes} bytes); loading it as an inbox file.", name, upload.Length);
        InboxTaken taken;
        await OneAtATime.WaitAsync(ct);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<InboxFileJob>();
            taken = await job.TakeAsync(InboxFile.Of(new FileInfo(path)), 1, ct);
        }
        finally
        {
            OneAtATime.Release();
        }

        RemoveEmptyFolders(path, Path.Combine(watch.ResolvedPath, UploadsFolder));
        var result = UploadResult.Of(name, taken, LoadsEndpoints.BasePath);
        if (result.Outcome == "already loaded" && taken.Outcome is { } outcome)
        {
            services.GetRequiredService<RecentUploads>().AlreadyLoaded(outcome, services.GetRequiredService<TimeProvider>().GetUtcNow());
        }

        return result;
    }

    /// <summary>The file moved on (processed/ or rejected/): its folder under uploads/ is left empty and removed.</summary>
    private static void RemoveEmptyFolders(string path, string uploads)
    {
        var folder = Path.GetDirectoryName(path);
        while (folder is not null && folder.Length > uploads.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }

    private static IResult TooLarge(HttpContext http, ServeSettings serve, string? dashboardPath) =>
        Results.Content(PageLayout.Render("Send a return", BasePath,
            $"<p class=\"problem\">Nothing was stored or loaded: the files sent together came to more than {serve.UploadMaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most this page takes at once. Send fewer files at a time, or remove pictures and unused sheets from the workbooks.</p>\n<p><a href=\"{BasePath}\">Send files again</a></p>\n", dashboardPath),
            "text/html; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Page(HttpContext http, ServeSettings serve, IReadOnlyList<UploadResult> results, string? problem, string? dashboardPath) =>
        Results.Content(UploadPage.Render(results, problem, PageAccess.CanChange(http), PageAccess.Token(http), serve, dashboardPath), "text/html; charset=utf-8");
}
