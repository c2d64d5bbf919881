using System.Diagnostics;
using System.Globalization;
using System.Net;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>`staffdata serve`, `jobs` and `run-job` as real processes, started and stopped the way systemd does.</summary>
[Collection(OneServiceAtATime.Name)]
public sealed class ServeProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task Serve_takes_a_dropped_return_answers_health_lists_its_jobs_and_stops_cleanly_on_SIGTERM()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "stops the service with SIGTERM through kill(1)");
        var port = RunningService.FreePort();
        // The service's own data folder, as the service account's XDG_DATA_HOME names it: the inbox is made there, never
        // in the directory the service was started from.
        var data = _dir.File("data");
        var inbox = Path.Combine(data, "staffdata", "inbox");
        var environment = new Dictionary<string, string>
        {
            ["XDG_DATA_HOME"] = data,
            ["STAFFDATA__SERVE__URLS"] = $"http://127.0.0.1:{port}",
            ["STAFFDATA__WATCH__SETTLESECONDS"] = "0.5",
            ["STAFFDATA__WATCH__SCANSECONDS"] = "0.5",
            ["STAFFDATA__SCHEDULE__JOBS__0__ID"] = "nightly-esr",
            ["STAFFDATA__SCHEDULE__JOBS__0__CRON"] = "30 1 * * *",
            ["STAFFDATA__SCHEDULE__JOBS__0__PATHS__0"] = Repository.Samples("esr"),
        };
        using var serve = Start(environment, "serve");
        var error = new System.Text.StringBuilder();
        serve.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
        };
        serve.BeginErrorReadLine();
        await RunningService.WaitUntil(() => Text(error).Contains("Ctrl+C stops", StringComparison.Ordinal) || serve.HasExited, TimeSpan.FromSeconds(60), "the service to start");
        Assert.False(serve.HasExited, Text(error));
        Assert.Contains($"health http://127.0.0.1:{port}/health, dashboard http://127.0.0.1:{port}/hangfire", Text(error), StringComparison.Ordinal);
        Assert.Contains("inside the hour a clock change skips or repeats", Text(error), StringComparison.Ordinal);

        var survey = Directory.GetFiles(Repository.Samples("surveys"), "RGT_glh_return_*.xlsx").Order(StringComparer.Ordinal).First();
        Assert.Contains($"watching {inbox};", Text(error), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "inbox")), "no inbox is made in the directory serve was started from");
        File.Copy(survey, Path.Combine(inbox, Path.GetFileName(survey)));
        var processed = Path.Combine(inbox, "processed");
        await RunningService.WaitUntil(() => RunningService.Files(processed).Length == 1, TimeSpan.FromSeconds(60), "the return to be processed");

        using (var http = new HttpClient())
        {
            using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // Told where the service listens, `jobs` finds it without the service's settings.
        var (_, jobsByFlag, _) = CliRunner.Run(_dir.Path, environment.Where(e => e.Key != "STAFFDATA__SERVE__URLS").ToDictionary(), "jobs", "--urls", $"http://127.0.0.1:{port}");
        Assert.DoesNotContain("The service is not running", jobsByFlag, StringComparison.Ordinal);

        // `run-job` too: the job is the service's, even where this command's own settings have no schedule.
        var (runExit, run, runError) = CliRunner.Run(_dir.Path, new Dictionary<string, string> { ["XDG_DATA_HOME"] = data }, "run-job", "nightly-esr", "--urls", $"http://127.0.0.1:{port}");
        Assert.True(runExit == 0, run + runError);
        Assert.Contains("nightly-esr: started by the service", run, StringComparison.Ordinal);

        var (jobsExit, jobs, _) = CliRunner.Run(_dir.Path, environment, "jobs");
        Assert.Equal(0, jobsExit);
        Assert.Contains("nightly-esr: '30 1 * * *' (Europe/London)", jobs, StringComparison.Ordinal);
        Assert.Contains("next run: ", jobs, StringComparison.Ordinal);
        Assert.Contains("warning: ", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("not running", jobs, StringComparison.Ordinal);

        Process.Start("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(30)), "the service did not stop on SIGTERM");
        serve.WaitForExit();
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("staffdata serve: stopped", Text(error), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Text(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_job_without_a_service_runs_the_load_here_and_jobs_says_the_service_is_not_running()
    {
        var environment = new Dictionary<string, string>
        {
            ["STAFFDATA__SERVE__URLS"] = $"http://127.0.0.1:{RunningService.FreePort()}",
            ["STAFFDATA__SCHEDULE__JOBS__0__ID"] = "nightly-esr",
            ["STAFFDATA__SCHEDULE__JOBS__0__CRON"] = "0 22 * * *",
            ["STAFFDATA__SCHEDULE__JOBS__0__PATHS__0"] = Repository.Samples("esr"),
        };

        var (exit, output, _) = CliRunner.Run(_dir.Path, environment, "run-job", "nightly-esr");
        var (jobsExit, jobs, _) = CliRunner.Run(_dir.Path, environment, "jobs");
        var (unknownExit, _, unknownError) = CliRunner.Run(_dir.Path, environment, "run-job", "weekly");

        Assert.Equal(0, exit);
        Assert.Contains("The service is not running at", output, StringComparison.Ordinal);
        Assert.Contains("loaded as batch 1", output, StringComparison.Ordinal);
        Assert.Equal(0, jobsExit);
        Assert.Contains("The service is not running", jobs, StringComparison.Ordinal);
        Assert.Contains("next run: ", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", jobs, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("no job 'weekly' in Schedule:Jobs; configured: nightly-esr", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_with_a_wrong_setting_exits_2_with_one_sentence_naming_it()
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, new Dictionary<string, string> { ["STAFFDATA__SCHEDULE__JOBS__0__ID"] = "x", ["STAFFDATA__SCHEDULE__JOBS__0__CRON"] = "every night", ["STAFFDATA__SCHEDULE__JOBS__0__PATHS__0"] = "." }, "serve");

        Assert.Equal(2, exit);
        Assert.Contains("Schedule:Jobs:0:Cron 'every night' is not a cron expression", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_against_a_SQL_Server_that_cannot_be_reached_exits_2_with_one_sentence_before_Hangfire_touches_it()
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, new Dictionary<string, string>
        {
            ["STAFFDATA__WAREHOUSE__PROVIDER"] = "SqlServer",
            ["STAFFDATA__WAREHOUSE__CONNECTIONSTRING"] = "Server=127.0.0.1,1;Database=workforce;User ID=loader;Password=S3cret-Value!;Connect Timeout=2;Encrypt=False",
            ["STAFFDATA__WAREHOUSE__MAXRETRYATTEMPTS"] = "0",
            ["STAFFDATA__SERVE__URLS"] = $"http://127.0.0.1:{RunningService.FreePort()}",
        }, "serve");

        Assert.Equal(2, exit);
        Assert.StartsWith("staffdata: The warehouse on SQL Server 127.0.0.1,1, database workforce cannot be used", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("S3cret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_password_prints_a_settings_entry_with_a_hash_and_never_the_password()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "staffdata.dll"));
        start.ArgumentList.Add("hash-password");
        start.ArgumentList.Add("--user");
        start.ArgumentList.Add("viewer");
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine("a long enough secret phrase");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("{ \"Name\": \"viewer\", \"PasswordHash\": \"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
    }

    private Process Start(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "staffdata.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["STAFFDATA__PSEUDONYMISATION__KEY"] = CliRunner.TestKey;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static string Text(System.Text.StringBuilder error)
    {
        lock (error)
        {
            return error.ToString();
        }
    }
}
