using Hangfire.Dashboard;

namespace StaffDataPipeline.Service.Dashboard;

/// <summary>Hangfire's dashboard asks here. A refused remote request is told to authenticate (401 with a Basic challenge).</summary>
internal sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    private readonly RequestAccess _access;

    public DashboardAuthorization(RequestAccess access) => _access = access;

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (_access.Evaluate(http) != Access.Denied)
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"staffdata\", charset=\"UTF-8\"";
        return false;
    }

    public bool IsReadOnly(DashboardContext context) => _access.Evaluate(context.GetHttpContext()) != Access.Full;
}
