using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Service;
using StaffDataPipeline.Service.Dashboard;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>The dashboard answers this machine, refuses others unless they sign in, and /health tells a monitor what it needs.</summary>
[Collection(OneServiceAtATime.Name)]
public sealed class DashboardAndHealthTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_dashboard_answers_200_on_loopback()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(service.Address + "/hangfire"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("StaffDataPipeline loads", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_refuses_a_dashboard_reachable_from_other_machines_without_users()
    {
        var settings = RunningService.Settings(_dir.Path);
        settings["Serve:Urls"] = "http://0.0.0.0:0";

        var ex = Assert.Throws<SettingsException>(() => ServiceHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains("http://0.0.0.0:0, which other machines can reach, and the dashboard has no users", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://10.2.3.4:5080", false)]
    [InlineData("https://staffdata.nhs.example:443", false)]
    public void Loopback_addresses_are_told_from_reachable_ones(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void A_request_from_another_machine_needs_a_configured_user_and_a_viewer_is_read_only()
    {
        var access = new RequestAccess([
            new DashboardUser { Name = "viewer", PasswordHash = RequestAccess.Hash("viewer", Password), ReadOnly = true },
            new DashboardUser { Name = "engineer", PasswordHash = RequestAccess.Hash("engineer", Password), ReadOnly = false },
        ]);

        Assert.Equal(Access.Full, access.Evaluate(Request("127.0.0.1", null)));
        Assert.Equal(Access.Full, access.Evaluate(Request("::1", null)));
        Assert.Equal(Access.Denied, access.Evaluate(Request("10.1.2.3", null)));
        Assert.Equal(Access.Denied, access.Evaluate(Request("10.1.2.3", Basic("viewer", "wrong password"))));
        Assert.Equal(Access.Denied, access.Evaluate(Request("10.1.2.3", Basic("nobody", Password))));
        Assert.Equal(Access.Denied, access.Evaluate(Request("10.1.2.3", "Basic not-base64!")));
        Assert.Equal(Access.ReadOnly, access.Evaluate(Request("10.1.2.3", Basic("viewer", Password))));
        Assert.Equal(Access.Full, access.Evaluate(Request("10.1.2.3", Basic("engineer", Password))));
    }

    [SkippableFact]
    public async Task A_real_request_from_another_address_is_refused_with_a_challenge_until_it_signs_in()
    {
        // The machine's own network address, not loopback: to the server, this request comes from elsewhere.
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Skip.If(address is null, "This machine has no non-loopback IPv4 address to send a non-local request from.");

        // Beyond loopback the service serves HTTPS only (a test certificate here): passwords never cross plain HTTP.
        var port = RunningService.FreePort();
        var remotePort = RunningService.FreePort();
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["Serve:Urls"] = $"http://127.0.0.1:{port};https://{address}:{remotePort}",
            ["Serve:Https:CertificatePath"] = TestCertificate.Write(_dir.File("service.pfx"), "pfx password", address),
            ["Serve:Https:CertificatePassword"] = "pfx password",
            ["Serve:Dashboard:Users:0:Name"] = "viewer",
            ["Serve:Dashboard:Users:0:PasswordHash"] = RequestAccess.Hash("viewer", Password),
        });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=staffdata test" };
        using var http = new HttpClient(handler);
        var remote = new Uri($"https://{address}:{remotePort}/hangfire");

        using (var refused = await http.GetAsync(remote))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        using (var signedIn = new HttpRequestMessage(HttpMethod.Get, remote))
        {
            signedIn.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"viewer:{Password}")));
            using var ok = await http.SendAsync(signedIn);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // The page of recent files answers to the same sign-in as the dashboard.
        using (var loads = await http.GetAsync(new Uri($"https://{address}:{remotePort}/loads")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, loads.StatusCode);
            Assert.Contains("Basic", loads.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        using (var signedIn = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://{address}:{remotePort}/loads")))
        {
            signedIn.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"viewer:{Password}")));
            using var ok = await http.SendAsync(signedIn);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var api = await http.GetAsync(new Uri($"https://{address}:{remotePort}/api/jobs"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using var local = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/hangfire"));
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_warehouse_the_inbox_and_the_age_of_the_last_load()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        using var http = new HttpClient { BaseAddress = new Uri(service.Address) };

        var before = await Health(http);
        Assert.Equal("Degraded", before.GetProperty("status").GetString());
        Assert.Equal("No file has loaded yet.", Check(before, "last-load").GetProperty("description").GetString());
        Assert.Equal("Healthy", Check(before, "warehouse").GetProperty("status").GetString());

        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "R0A_2024-01.csv"), RunningService.EsrExport("R0A", new DateOnly(2024, 1, 1), 5));
        await RunningService.WaitUntil(() => RunningService.Files(Path.Combine(service.Inbox, "processed")).Length == 1, TimeSpan.FromSeconds(60), "the file to load");

        var after = await Health(http);
        Assert.Equal("Healthy", after.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(after, "inbox").GetProperty("status").GetString());
        Assert.Equal(0, Check(after, "inbox").GetProperty("data").GetProperty("waiting").GetInt32());
        Assert.StartsWith("Last load 0.0 hours ago", Check(after, "last-load").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Health(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement.Clone();

    private static JsonElement Check(JsonElement health, string name) =>
        health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static DefaultHttpContext Request(string remote, string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Connection.LocalIpAddress = IPAddress.Parse("10.0.0.1");
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
