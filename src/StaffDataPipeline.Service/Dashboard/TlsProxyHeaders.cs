using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StaffDataPipeline.Service.Dashboard;

/// <summary>
/// Behind the declared TLS-terminating proxy (Serve:TlsProxy), a request's connection comes from the proxy, which may
/// well be on this machine: the client is the last address in X-Forwarded-For, and the scheme the browser used is
/// X-Forwarded-Proto. A request from the proxy that does not name its client is given no address at all, so it is
/// never mistaken for one from this machine (which needs no password). Requests from elsewhere are left alone.
/// ASP.NET's ForwardedHeaders middleware is not used: it trusts loopback proxies by default and leaves a request
/// without the header looking local.
/// </summary>
internal static class TlsProxyHeaders
{
    public static void UseTlsProxyHeaders(this IApplicationBuilder app, string proxy)
    {
        var proxyAddress = IPAddress.Parse(proxy.Trim());
        app.Use((context, next) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is null || !Same(remote, proxyAddress))
            {
                return next(context);
            }

            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
            var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            context.Connection.RemoteIpAddress = last is not null && IPAddress.TryParse(last, out var client) ? client : IPAddress.None;
            if (string.Equals(context.Request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Scheme = "https";
            }

            return next(context);
        });
    }

    private static bool Same(IPAddress a, IPAddress b) =>
        (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);
}
