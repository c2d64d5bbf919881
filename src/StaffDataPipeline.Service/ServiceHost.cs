using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Service.Api;
using StaffDataPipeline.Service.Dashboard;
using StaffDataPipeline.Service.Health;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Service.Loads;
using StaffDataPipeline.Service.Pages;
using StaffDataPipeline.Service.Pages.Packs;
using StaffDataPipeline.Service.Pages.Review;
using StaffDataPipeline.Service.Pages.Upload;
using StaffDataPipeline.Service.Schedules;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service;

/// <summary>
/// Builds `staffdata serve`: the pipeline (through AddStaffDataPipeline), a Hangfire server whose storage follows the
/// warehouse (in memory beside SQLite, one node; the warehouse's own database, schema hangfire, beside SQL Server, so
/// several nodes share the work), the watched folder, the recurring loads, /health and the dashboard.
/// </summary>
public static class ServiceHost
{
    public static WebApplication Build(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var serve = SettingsBinder.Bind<ServeSettings>(configuration, "Serve");
        var watch = SettingsBinder.Bind<WatchSettings>(configuration, "Watch");
        var schedule = SettingsBinder.Bind<ScheduleSettings>(configuration, "Schedule");
        var warehouse = WarehouseProviders.Configure(configuration);
        var (errors, warnings) = ServiceSettingsValidator.Validate(serve, watch, schedule, DateTimeOffset.UtcNow);
        if (errors.Count > 0)
        {
            throw new SettingsException(errors);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService();
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(serve.ShutdownSeconds));
        builder.WebHost.UseUrls([.. ListenAddresses.Split(serve.Urls)]);
        if (!string.IsNullOrWhiteSpace(serve.Https.CertificatePath))
        {
            // Loaded once at start: a wrong path or password stops the service here, with the setting named.
            var certificate = HttpsCertificate.Load(serve.Https);

            // The slim builder leaves HTTPS out unless asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("StaffDataPipeline", LogLevel.Information);

        // The schema check before every load logs DbUp's steps under the warehouse's category: noise in a service log.
        builder.Logging.AddFilter("StaffDataPipeline.Sqlite.SqliteWarehouse", LogLevel.Warning);

        // /health answers a monitor every few seconds: its Degraded results are in the answer, not the log.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error);

        // A host that cannot start is reported once, as a sentence, by whoever called StartAsync.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        var services = builder.Services;
        services.AddStaffDataPipeline(configuration);
        services.AddSingleton(serve);
        services.AddSingleton(watch);
        services.AddSingleton(schedule);
        services.AddSingleton(sp => new RequestAccess(
            serve.Dashboard.Users,
            new SignInThrottle(serve.SignInFailuresAllowed, TimeSpan.FromMinutes(serve.SignInWindowMinutes), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("StaffDataPipeline.Service.SignIn")));

        // The team's pages: every form carries a token bound to a cookie of this site; uploads are bounded before reading.
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = PageAccess.TokenFieldName;
            o.Cookie.Name = "staffdata-antiforgery";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = serve.UploadMaxBytes;
            o.ValueCountLimit = 64;
        });
        services.AddScoped<InboxFileJob>();
        services.AddScoped<ScheduledLoadJob>();

        // Schedules are registered before the server polls for work.
        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            // The job queue lives beside the warehouse when the warehouse offers a store Hangfire can use, so several
            // nodes share the work; any other warehouse gets an in-memory queue on one node.
            if (warehouse.JobStore is { Kind: "SqlServer" } store)
            {
                // The schema exists and staffdata_loader may read and write it (migration 0010); Hangfire creates its
                // tables only where the service may run DDL (ApplyMigrations), otherwise the DBA installs them.
                c.UseSqlServerStorage(store.ConnectionString, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = store.PrepareSchema });
            }
            else
            {
                c.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHostedService<RecurringLoads>();
        services.AddHangfireServer(o =>
        {
            o.Queues = [JobQueues.Loads, "default"];

            // SQLite has one writer: one worker runs the loads one after another. SQL Server takes files in parallel.
            o.WorkerCount = warehouse.ConcurrentLoads ? serve.Workers : 1;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(serve.SchedulePollingSeconds);
            o.ShutdownTimeout = TimeSpan.FromSeconds(serve.ShutdownSeconds);
            o.ServerName = $"staffdata:{Environment.MachineName}:{Environment.ProcessId}";
        });
        services.AddSingleton<InboxEnqueuer>();
        services.AddSingleton<ReportFinder>();
        services.AddSingleton<RecentUploads>();
        services.AddSingleton(new StaffDataPipeline.Hosting.Packs.PackOutbox(schedule.ResolvedOutbox, schedule.PacksKept));
        if (watch.Enabled)
        {
            services.AddHostedService<InboxWatcher>();
        }

        services.AddHealthChecks()
            .AddCheck<WarehouseHealthCheck>("warehouse")
            .AddCheck<InboxHealthCheck>("inbox")
            .AddCheck<LastLoadHealthCheck>("last-load");

        var app = builder.Build();
        var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StaffDataPipeline.Service");
        foreach (var warning in warnings)
        {
            startup.LogWarning("{Warning}", warning);
        }

        if (!string.IsNullOrWhiteSpace(serve.TlsProxy))
        {
            app.UseTlsProxyHeaders(serve.TlsProxy);
        }

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.Write });
        app.MapJobs();
        if (serve.Dashboard.Enabled)
        {
            // Beside the dashboard, under the same authorisation: the recent files and their outcomes, for the team.
            app.MapLoads();

            // The workforce team's own pages, under the same users: send a return, and the review queue by choosing.
            app.MapUpload(serve.Dashboard.Path);
            app.MapReview(serve.Dashboard.Path);
            app.MapPacks(serve.Dashboard.Path);
            app.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Redirect(UploadEndpoints.BasePath));
        }

        return app;
    }

    /// <summary>
    /// Starts the service once the reference data reads and the warehouse schema is current. Either failing stops it
    /// here with one exception (a sentence), before Hangfire's storage is touched or a job is taken.
    /// </summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<ReferenceData.ReferenceDataSet>();
            await scope.ServiceProvider.GetRequiredService<Warehouse.IWarehouse>().MigrateAsync(cancellationToken);
        }

        // The dashboard resolves Hangfire's storage, which on SQL Server connects: only once the warehouse answered.
        var serve = app.Services.GetRequiredService<ServeSettings>();
        if (serve.Dashboard.Enabled)
        {
            var authorization = new DashboardAuthorization(app.Services.GetRequiredService<RequestAccess>());
            app.UseHangfireDashboard(serve.Dashboard.Path, new DashboardOptions
            {
                Authorization = [authorization],
                IsReadOnlyFunc = authorization.IsReadOnly,
                DashboardTitle = "StaffDataPipeline loads",
                AppPath = null,
            });
        }

        await app.StartAsync(cancellationToken);
    }
}
