using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Service;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata serve`: the long-running service (scheduled loads, the watched folder, /health, the dashboard) until Ctrl+C or a service stop.</summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (Serve:Urls; default http://127.0.0.1:5080)." };
        var inbox = new Option<string?>("--inbox") { Description = "The watched folder (Watch:Path; default ~/.local/share/staffdata/inbox, %LOCALAPPDATA%\\staffdata\\inbox on Windows)." };
        var command = new Command(Name, "Run the service: recurring loads from Schedule:Jobs, the watched folder (loads returns dropped into it), /health and the Hangfire dashboard. Stops with Ctrl+C, SIGTERM or a service stop.")
        {
            urls, inbox,
        };
        command.SetAction((parse, ct) =>
        {
            var flags = new Dictionary<string, string?>();
            if (parse.GetValue(urls) is { } u)
            {
                flags["Serve:Urls"] = u;
            }

            if (parse.GetValue(inbox) is { } i)
            {
                flags["Watch:Path"] = i;
            }

            return GlobalOptions.RunWithConfigurationAsync(parse, flags, async configuration =>
            {
                await using var app = ServiceHost.Build(configuration);
                await ServiceHost.StartAsync(app, ct);
                var serve = app.Services.GetRequiredService<ServeSettings>();
                var watch = app.Services.GetRequiredService<WatchSettings>();
                var first = app.Urls.Count > 0 ? app.Urls.First() : serve.Urls;
                await Console.Error.WriteLineAsync($"staffdata serve: {(watch.Enabled ? $"watching {watch.ResolvedPath}" : "no watched folder")}; health {first}/health" +
                                                   $"{(serve.Dashboard.Enabled ? $", dashboard {first}{serve.Dashboard.Path}, recent files {first}/loads, the team's pages {first}/send" : string.Empty)}. Ctrl+C stops.");
                await app.WaitForShutdownAsync(ct);
                await Console.Error.WriteLineAsync("staffdata serve: stopped; any load in flight was rolled back and runs again at the next start.");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
