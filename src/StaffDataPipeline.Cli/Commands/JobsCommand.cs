using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Hosting.Packs;
using StaffDataPipeline.Hosting.Reports;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Service.Api;
using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata jobs` (the recurring loads: next run, last outcome) and `staffdata run-job ID` (one now).</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var urls = UrlsOption();
        var command = new Command("jobs", "List the recurring loads in Schedule:Jobs with their next run in local time and, from the running service, their last outcome.") { urls };
        command.SetAction((parse, ct) => GlobalOptions.RunWithConfigurationAsync(parse, UrlsFlag(parse, urls), async configuration =>
        {
            var schedule = SettingsBinder.Bind<ScheduleSettings>(configuration, "Schedule");
            using var client = new ServiceClient(SettingsBinder.Bind<ServeSettings>(configuration, "Serve"), TimeSpan.FromSeconds(5));
            var jobs = await client.JobsAsync(ct);
            if (jobs is null)
            {
                Console.WriteLine($"The service is not running at {client.BaseAddress} (or not on this machine); last outcomes are unknown.");
                jobs = JobsOverview.Read(schedule, null, DateTimeOffset.UtcNow);
            }

            if (jobs.Count == 0)
            {
                Console.WriteLine("No recurring loads: add them under Schedule:Jobs (see docs/service.md, Scheduled loads).");
                return ExitCodes.Success;
            }

            foreach (var job in jobs)
            {
                Console.WriteLine($"{job.Id}: '{job.Cron}' ({job.TimeZone}) {JobsOverview.Does(job)}");
                Console.WriteLine($"    next run: {job.NextRunLocal?.ToString("yyyy-MM-dd HH:mm zzz") ?? "never"}");
                Console.WriteLine($"    last run: {(job.LastRunLocal is { } last ? $"{last:yyyy-MM-dd HH:mm zzz}, {job.LastState}: {job.LastOutcome}" : "not since the service started")}");
                foreach (var warning in job.Warnings)
                {
                    Console.WriteLine($"    warning: {warning}");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateRunJob()
    {
        var id = new Argument<string>("id") { Description = "The job's Id in Schedule:Jobs." };
        var urls = UrlsOption();
        var command = new Command("run-job", "Run one recurring load now: through the running service when there is one, otherwise here.") { id, urls };
        command.SetAction((parse, ct) => GlobalOptions.RunWithConfigurationAsync(parse, UrlsFlag(parse, urls), async configuration =>
        {
            var schedule = SettingsBinder.Bind<ScheduleSettings>(configuration, "Schedule");
            var name = parse.GetValue(id)!;

            // The running service knows its own schedule (it may have been started with another --config): ask it first.
            using var client = new ServiceClient(SettingsBinder.Bind<ServeSettings>(configuration, "Serve"), TimeSpan.FromSeconds(5));
            var (started, error) = await client.RunAsync(name, ct);
            if (started is not null)
            {
                Console.WriteLine($"{name}: started by the service at {client.BaseAddress} as Hangfire job {started}; `staffdata jobs` shows its outcome.");
                return ExitCodes.Success;
            }

            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"staffdata: {error}");
                return ExitCodes.Configuration;
            }

            if (schedule.Find(name) is not { } job)
            {
                await Console.Error.WriteLineAsync($"staffdata: the service is not running at {client.BaseAddress}, and {schedule.NotFound(name)}");
                return ExitCodes.Configuration;
            }

            Console.WriteLine($"The service is not running at {client.BaseAddress}; running {job.Id} here.");
            BatchGarbageCollector.Use();
            await using var services = StaffDataServices.Build(configuration);
            var run = new ScheduledLoadJob(
                schedule, services.GetRequiredService<LoadPipeline>(), services.GetRequiredService<LoadOptions>(), services.GetRequiredService<PackPublisher>(),
                new PackOutbox(schedule.ResolvedOutbox, schedule.PacksKept), services.GetRequiredService<ILogger<ScheduledLoadJob>>());
            var reports = await run.Run(job, ct);
            if (reports.Count > 0)
            {
                LoadReportPrinter.Print(Console.Out, reports, dryRun: false);
            }

            if (job.BuildPack)
            {
                Console.WriteLine(await run.PublishPackAsync(job, ct) + $" (outbox {schedule.ResolvedOutbox}).");
            }

            return reports.All(r => r.Succeeded) && (reports.Count > 0 || job.BuildPack) ? ExitCodes.Success : ExitCodes.SomeFilesNotLoaded;
        }));
        return command;
    }

    // The service may listen elsewhere than the configured address (`serve --urls`): say where to find it.
    private static Option<string?> UrlsOption() =>
        new("--urls") { Description = "Where the running service listens (Serve:Urls; default the configured address, http://127.0.0.1:5080)." };

    private static Dictionary<string, string?> UrlsFlag(ParseResult parse, Option<string?> urls) =>
        parse.GetValue(urls) is { } u ? new() { ["Serve:Urls"] = u } : [];
}
