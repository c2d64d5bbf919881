using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Dashboard;

/// <summary>What a request may do with the dashboard and the jobs API.</summary>
public enum Access
{
    Denied,
    ReadOnly,
    Full,
}

/// <summary>
/// Requests from this machine may do everything. A request from elsewhere needs a configured user's name and password
/// (basic authentication, checked against a PBKDF2 hash from ASP.NET Core Identity's hasher); viewers are read-only.
/// </summary>
public sealed class RequestAccess
{
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly IReadOnlyList<DashboardUser> _users;

    public RequestAccess(IReadOnlyList<DashboardUser> users) => _users = users;

    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }

    public static string Hash(string user, string password) => Hasher.HashPassword(user, password);

    public Access Evaluate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(RequestAccess), out var known) && known is Access decided)
        {
            return decided;
        }

        var access = IsLocal(context) ? Access.Full : Authenticate(context.Request.Headers.Authorization.ToString());
        context.Items[typeof(RequestAccess)] = access;
        return access;
    }

    private Access Authenticate(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Access.Denied;
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return Access.Denied;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Access.Denied;
        }

        var name = pair[..colon];
        var user = _users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        if (user is null || Hasher.VerifyHashedPassword(user.Name, user.PasswordHash, pair[(colon + 1)..]) == PasswordVerificationResult.Failed)
        {
            return Access.Denied;
        }

        return user.ReadOnly ? Access.ReadOnly : Access.Full;
    }
}
