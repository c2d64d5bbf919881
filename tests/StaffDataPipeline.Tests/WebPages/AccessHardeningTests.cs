using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Service;
using StaffDataPipeline.Service.Dashboard;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Tests.Service;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.WebPages;

/// <summary>
/// Credentials never cross plain HTTP off this machine (HTTPS with a configured certificate, or a declared
/// TLS-terminating proxy, or the service does not start), failed sign-ins are rate-limited and logged without the
/// password, and uploads are refused by size before they are read.
/// </summary>
[Collection(OneServiceAtATime.Name)]
public sealed class AccessHardeningTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Start_up_refuses_plain_http_beyond_loopback_naming_the_settings_that_fix_it()
    {
        var settings = WithViewer(RunningService.Settings(_dir.Path));
        settings["Serve:Urls"] = "http://127.0.0.1:0;http://0.0.0.0:0";

        var ex = Assert.Throws<SettingsException>(() => ServiceHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains("Serve:Urls includes http://0.0.0.0:0, plain HTTP that other machines can reach", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Serve:Https:CertificatePath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Serve:TlsProxy", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has no users", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_proxy_or_an_https_address_with_its_certificate_is_accepted_and_a_missing_certificate_is_named()
    {
        var proxied = WithViewer(RunningService.Settings(_dir.Path));
        proxied["Serve:Urls"] = "http://0.0.0.0:0";
        proxied["Serve:TlsProxy"] = "10.0.0.5";
        Assert.Empty(Errors(proxied));

        var https = WithViewer(RunningService.Settings(_dir.Path));
        https["Serve:Urls"] = "https://0.0.0.0:0";
        Assert.Contains(Errors(https), e => e.StartsWith("Serve:Urls has an https:// address but Serve:Https:CertificatePath names no certificate", StringComparison.Ordinal));
        https["Serve:Https:CertificatePath"] = _dir.File("missing.pfx");
        Assert.Contains(Errors(https), e => e.Contains("missing.pfx' does not exist", StringComparison.Ordinal));

        proxied["Serve:TlsProxy"] = "the proxy";
        Assert.Contains(Errors(proxied), e => e.StartsWith("Serve:TlsProxy must be the IP address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pages_are_served_over_https_with_the_configured_certificate_and_a_wrong_password_stops_the_start()
    {
        var port = RunningService.FreePort();
        var pfx = TestCertificate.Write(_dir.File("service.pfx"), "pfx password");
        var wrong = new Dictionary<string, string?> { ["Serve:Urls"] = $"https://127.0.0.1:{port}", ["Serve:Https:CertificatePath"] = pfx, ["Serve:Https:CertificatePassword"] = "not it" };
        var refused = await Assert.ThrowsAsync<SettingsException>(() => RunningService.StartAsync(_dir.Path, wrong));
        Assert.Contains("Serve:Https:CertificatePath", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not it", refused.Message, StringComparison.Ordinal);

        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["Serve:Urls"] = $"https://127.0.0.1:{port}",
            ["Serve:Https:CertificatePath"] = pfx,
            ["Serve:Https:CertificatePassword"] = "pfx password",
        });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=staffdata test" };
        using var http = new HttpClient(handler);

        using var page = await http.GetAsync(new Uri($"https://127.0.0.1:{port}/send"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Send a return", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public void Failed_sign_ins_from_one_address_are_refused_after_the_limit_and_logged_without_the_password()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var log = new ListLogger();
        var access = new RequestAccess(
            [new DashboardUser { Name = "viewer", PasswordHash = RequestAccess.Hash("viewer", Password), ReadOnly = true }],
            new SignInThrottle(3, TimeSpan.FromMinutes(15), clock),
            log);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Access.Denied, access.Evaluate(Request("10.1.2.3", Basic("viewer", $"guess {i}"))));
        }

        // The fourth try is refused even with the right password, without it being checked; another address is not.
        var locked = Request("10.1.2.3", Basic("viewer", Password));
        Assert.Equal(Access.Denied, access.Evaluate(locked));
        Assert.True(RequestAccess.WasThrottled(locked, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(15), retryAfter);
        Assert.Equal(Access.ReadOnly, access.Evaluate(Request("10.9.9.9", Basic("viewer", Password))));

        // A browser's first request, without credentials, is not a failed sign-in.
        Assert.Equal(Access.Denied, access.Evaluate(Request("10.9.9.9", null)));
        Assert.False(RequestAccess.WasThrottled(Request("10.9.9.9", null), out _));

        clock.Now += TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1);
        Assert.Equal(Access.ReadOnly, access.Evaluate(Request("10.1.2.3", Basic("viewer", Password))));

        Assert.Equal(3, log.Lines.Count);
        Assert.All(log.Lines, l => Assert.Contains("Sign-in refused from 10.1.2.3: user viewer", l, StringComparison.Ordinal));
        Assert.All(log.Lines, l => Assert.DoesNotContain("guess", l, StringComparison.Ordinal));
        Assert.Contains("3 failure(s) from this address in the last 15 min; 3 are allowed", log.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_declared_proxy_a_client_signs_in_a_request_without_its_address_is_not_local_and_guessing_gets_429()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, WithViewer(new Dictionary<string, string?>
        {
            ["Serve:TlsProxy"] = "127.0.0.1",
            ["Serve:SignInFailuresAllowed"] = "2",
        }));
        using var http = new HttpClient();

        // From the proxy without X-Forwarded-For: not taken as this machine, so it must sign in.
        using (var bare = await http.GetAsync(new Uri(service.Address + "/review")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await Get(http, service, "viewer", Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(http, service, "viewer", "guess 1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(http, service, "viewer", "guess 2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Get(http, service, "viewer", Password));
    }

    [Fact]
    public async Task An_upload_larger_than_the_limit_is_refused_from_its_declared_length_and_nothing_is_stored()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["Serve:UploadMaxBytes"] = "2048" });
        using var http = new HttpClient();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[10_000]), "files", "RGT_2024-05.csv" } };

        using var response = await http.PostAsync(new Uri(service.Address + "/send"), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Nothing was stored or loaded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(RunningService.Files(Path.Combine(service.Inbox, "uploads")));
    }

    private static async Task<HttpStatusCode> Get(HttpClient http, RunningService service, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Address + "/review"));
        request.Headers.Add("X-Forwarded-For", "10.20.30.40");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static IReadOnlyList<string> Errors(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return ServiceSettingsValidator.Validate(
            SettingsBinder.Bind<ServeSettings>(configuration, "Serve"),
            SettingsBinder.Bind<WatchSettings>(configuration, "Watch"),
            SettingsBinder.Bind<ScheduleSettings>(configuration, "Schedule"),
            DateTimeOffset.UtcNow).Errors;
    }

    private static Dictionary<string, string?> WithViewer(Dictionary<string, string?> settings)
    {
        settings["Serve:Dashboard:Users:0:Name"] = "viewer";
        settings["Serve:Dashboard:Users:0:PasswordHash"] = RequestAccess.Hash("viewer", Password);
        return settings;
    }

    private static DefaultHttpContext Request(string remote, string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Keeps what was logged, formatted as the console would show it.</summary>
    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
