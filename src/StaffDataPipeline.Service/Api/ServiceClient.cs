using System.Net.Http.Json;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Api;

/// <summary>How `staffdata jobs` and `staffdata run-job` reach a service running on this machine.</summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient _http;

    public ServiceClient(ServeSettings serve, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(serve);
        BaseAddress = LocalAddress(serve.Urls);
        _http = new HttpClient { BaseAddress = new Uri(BaseAddress), Timeout = timeout };
    }

    public string BaseAddress { get; }

    /// <summary>The first address in Serve:Urls, with a wildcard host (*, +, 0.0.0.0, [::]) read as this machine.</summary>
    public static string LocalAddress(string urls)
    {
        var all = ListenAddresses.Split(urls);
        var first = all.Count > 0 ? all[0] : "http://127.0.0.1:5080";
        var host = ListenAddresses.HostOf(first);
        var local = host is "*" or "+" or "0.0.0.0" or "[::]" ? first.Replace(host, "127.0.0.1", StringComparison.Ordinal) : first;
        return local.TrimEnd('/') + "/";
    }

    /// <summary>Null when no service answers.</summary>
    public async Task<IReadOnlyList<JobView>?> JobsAsync(CancellationToken ct)
    {
        try
        {
            return await _http.GetFromJsonAsync<List<JobView>>("api/jobs", ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The Hangfire job id started, an error sentence for an unknown job, or (null, null) when no service answers.</summary>
    public async Task<(string? JobId, string? Error)> RunAsync(string id, CancellationToken ct)
    {
        try
        {
            using var response = await _http.PostAsync($"api/jobs/{Uri.EscapeDataString(id)}/run", null, ct);
            var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string?>>(ct) ?? [];
            return response.IsSuccessStatusCode ? (body.GetValueOrDefault("hangfireJobId") ?? "(started)", null) : (null, body.GetValueOrDefault("error") ?? $"the service answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, null);
        }
    }

    public void Dispose() => _http.Dispose();
}
