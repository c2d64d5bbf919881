using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Service.Dashboard;

namespace StaffDataPipeline.Service.Pages;

/// <summary>
/// Who may use the workforce team's pages, as for the dashboard: this machine, or a configured user (viewers see,
/// editors change). Every answer carries headers that forbid script, framing and sniffing. A change (a POST) also
/// needs an editor and the form's anti-forgery token: a form posted from anywhere but our own page is refused.
/// </summary>
internal static class PageAccess
{
    public const string TokenFieldName = "__RequestVerificationToken";

    /// <summary>Pages anyone with access may read.</summary>
    public static RouteGroupBuilder RequireAccess(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var access = http.RequestServices.GetRequiredService<RequestAccess>();
        Secure(http.Response);
        if (access.Evaluate(http) != Access.Denied)
        {
            return await next(context);
        }

        if (RequestAccess.WasThrottled(http, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Text("Too many failed sign-ins from this address: try again later.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"staffdata\", charset=\"UTF-8\"";
        return Results.StatusCode(StatusCodes.Status401Unauthorized);
    });

    public static void Secure(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        if (response.HttpContext.Request.IsHttps)
        {
            // Once a browser has reached the pages over HTTPS, it never sends the password over plain HTTP to this host.
            response.Headers.StrictTransportSecurity = "max-age=31536000";
        }
    }

    public static bool CanChange(HttpContext http) =>
        http.RequestServices.GetRequiredService<RequestAccess>().Evaluate(http) == Access.Full;

    /// <summary>A token for this page's forms (and its cookie, set on the response).</summary>
    public static string? Token(HttpContext http) =>
        http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken;

    /// <summary>
    /// Null when the POST may go ahead; otherwise the refusal: 403 for a viewer, 400 for a form without a valid token.
    /// Reads the form (within the request size limits already set), so call it once the limits are in place.
    /// </summary>
    public static async Task<IResult?> RefuseChangeAsync(HttpContext http, string page, string? dashboardPath)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!CanChange(http))
        {
            return Results.Content(PageLayout.Render("Not allowed", page,
                "<p class=\"problem\">You are signed in as a viewer: you can see this page but not change anything. Ask an editor to make the change.</p>\n", dashboardPath),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Content(PageLayout.Render("Form refused", page,
                $"<p class=\"problem\">This form was not sent from this site's own page (its anti-forgery token is missing, wrong or expired), so nothing was done. <a href=\"{PageLayout.E(page)}\">Open the page again</a> and send it from there.</p>\n", dashboardPath),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
