using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// Failed sign-ins are logged (the address and whether the name is a configured user's; never the password) and,
/// with a <see cref="SignInThrottle"/>, refused from an address that has failed too often.
/// </summary>
public sealed class RequestAccess
{
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly IReadOnlyList<DashboardUser> _users;
    private readonly SignInThrottle? _throttle;
    private readonly ILogger _logger;

    public RequestAccess(IReadOnlyList<DashboardUser> users)
        : this(users, null, NullLogger.Instance)
    {
    }

    public RequestAccess(IReadOnlyList<DashboardUser> users, SignInThrottle? throttle, ILogger logger)
    {
        _users = users;
        _throttle = throttle;
        _logger = logger;
    }

    /// <summary>True when this request was refused because its address failed to sign in too often (answer 429, not 401).</summary>
    public static bool WasThrottled(HttpContext context, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(SignInThrottle), out var value) && value is TimeSpan after)
        {
            retryAfter = after;
            return true;
        }

        retryAfter = TimeSpan.Zero;
        return false;
    }

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

        var access = IsLocal(context) ? Access.Full : SignIn(context);
        context.Items[typeof(RequestAccess)] = access;
        return access;
    }

    private Access SignIn(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            // Not an attempt: a browser asks without credentials first, and signs in when challenged.
            return Access.Denied;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_throttle is not null && _throttle.IsLocked(address, out var retryAfter))
        {
            context.Items[typeof(SignInThrottle)] = retryAfter;
            return Access.Denied;
        }

        var (access, user) = Check(header);
        if (access == Access.Denied)
        {
            var failures = _throttle?.Failed(address);
            _logger.LogWarning(
                "Sign-in refused from {Address}: {Who} with a wrong password, or a malformed Authorization header ({Failures} failure(s) from this address in the last {Minutes:0.#} min; {Allowed} are allowed).",
                address, user is null ? "a name that is not a configured user" : $"user {user.Name}", failures, _throttle?.Window.TotalMinutes, _throttle?.Allowed);
        }

        return access;
    }

    private (Access Access, DashboardUser? User) Check(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (Access.Denied, null);
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return (Access.Denied, null);
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return (Access.Denied, null);
        }

        var name = pair[..colon];
        var user = _users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        if (user is null)
        {
            return (Access.Denied, null);
        }

        if (Hasher.VerifyHashedPassword(user.Name, user.PasswordHash, pair[(colon + 1)..]) == PasswordVerificationResult.Failed)
        {
            return (Access.Denied, user);
        }

        return (user.ReadOnly ? Access.ReadOnly : Access.Full, user);
    }
}
