using System.Net.Http.Json;
using StaffDataPipeline.Service.Api;
using StaffDataPipeline.Service.Schedules;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>Recurring loads from Schedule:Jobs: checked at start, registered with Hangfire, run on demand through the service.</summary>
[Collection(OneServiceAtATime.Name)]
public sealed class ScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("30 1 * * *", "2027-03-28")]  // 01:30 does not exist on the last Sunday of March
    [InlineData("0 1 * * *", "2027-03-28")]
    [InlineData("15 1 * * 0", "2027-03-28")]
    [InlineData("45 1 25-31 10 *", "2027-10-31")] // October only: 01:45 happens twice on the last Sunday
    [InlineData("*/20 * * * *", "2027-03-28")]
    public void A_schedule_inside_the_hour_the_clocks_change_is_flagged(string cron, string clashDay)
    {
        var (errors, warnings) = ScheduleCheck.Check(Job(cron), "Schedule:Jobs:0", Now);

        Assert.Empty(errors);
        var warning = Assert.Single(warnings);
        Assert.Contains("clock change", warning, StringComparison.Ordinal);
        Assert.Contains($"next on {clashDay}", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30 2 * * *")]
    [InlineData("0 22 * * 1-5")]
    [InlineData("59 0 * * *")]
    public void A_schedule_outside_that_hour_is_not_flagged(string cron)
    {
        var (errors, warnings) = ScheduleCheck.Check(Job(cron), "Schedule:Jobs:0", Now);

        Assert.Empty(errors);
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_same_wall_clock_time_in_a_zone_without_clock_changes_is_not_flagged()
    {
        var job = Job("30 1 * * *");
        job.TimeZone = "UTC";

        Assert.Empty(ScheduleCheck.Check(job, "Schedule:Jobs:0", Now).Warnings);
    }

    [Fact]
    public void A_wrong_cron_time_zone_path_or_id_is_an_error_naming_the_setting()
    {
        var job = new ScheduledLoad { Id = "night ly", Cron = "61 25 * *", TimeZone = "Mars/Olympus", Paths = [Path.Combine(_dir.Path, "missing")] };

        var (errors, _) = ScheduleCheck.Check(job, "Schedule:Jobs:3", Now);

        Assert.Contains(errors, e => e.StartsWith("Schedule:Jobs:3:Id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedule:Jobs:3:Cron '61 25 * *'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedule:Jobs:3:TimeZone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedule:Jobs:3:Paths", StringComparison.Ordinal) && e.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_jobs_with_one_id_are_refused()
    {
        var schedule = new ScheduleSettings { Jobs = [Job("0 22 * * *"), Job("0 23 * * *")] };

        var (errors, _) = ServiceSettingsValidator.Validate(new ServeSettings(), new WatchSettings { Path = _dir.Path }, schedule, Now);

        Assert.Contains(errors, e => e.Contains("is used by another job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recurring_load_triggered_through_the_service_loads_its_paths_and_a_second_run_loads_nothing_twice()
    {
        var extracts = Path.Combine(_dir.Path, "esr-drop");
        Directory.CreateDirectory(extracts);
        foreach (var file in Directory.GetFiles(Repository.Samples("esr"), "*.csv"))
        {
            File.Copy(file, Path.Combine(extracts, Path.GetFileName(file)));
        }

        var expected = Directory.GetFiles(extracts).Length;
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["Schedule:Jobs:0:Id"] = "nightly-esr",
            ["Schedule:Jobs:0:Cron"] = "0 22 * * *",
            ["Schedule:Jobs:0:Paths:0"] = extracts,
            ["Watch:Enabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = new Uri(service.Address) };

        using (var run = await http.PostAsync(new Uri("/api/jobs/nightly-esr/run", UriKind.Relative), null))
        {
            Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());
        }

        await RunningService.WaitUntil(() => Loaded(service) == expected, TimeSpan.FromSeconds(120), "the triggered load");
        var jobs = await WaitForOutcome(http, "loaded");
        var job = Assert.Single(jobs);
        Assert.Equal("Europe/London", job.TimeZone);
        Assert.Equal(22, job.NextRunLocal!.Value.Hour);
        Assert.Contains($"\"Loaded\":{expected}", job.LastOutcome, StringComparison.Ordinal);

        // Hangfire runs a job at least once: a repeat loads nothing twice.
        using (var again = await http.PostAsync(new Uri("/api/jobs/nightly-esr/run", UriKind.Relative), null))
        {
            again.EnsureSuccessStatusCode();
        }

        await WaitForOutcome(http, $"\"AlreadyLoaded\":{expected}");
        Assert.Equal(expected, Loaded(service));
        Assert.Equal(expected, service.Scalar("SELECT COUNT(*) FROM load_batch"));

        using var unknown = await http.PostAsync(new Uri("/api/jobs/weekly/run", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static long Loaded(RunningService service) =>
        File.Exists(service.Database) ? service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'") : 0;

    private static async Task<List<JobView>> WaitForOutcome(HttpClient http, string text)
    {
        List<JobView>? jobs = null;
        await RunningService.WaitUntil(
            () =>
            {
                jobs = http.GetFromJsonAsync<List<JobView>>(new Uri("/api/jobs", UriKind.Relative)).GetAwaiter().GetResult();
                return jobs!.Any(j => j.LastOutcome?.Contains(text, StringComparison.Ordinal) == true);
            },
            TimeSpan.FromSeconds(60),
            $"a job outcome with {text}");
        return jobs!;
    }

    private static ScheduledLoad Job(string cron) => new() { Id = "nightly", Cron = cron, TimeZone = "Europe/London", Paths = [Repository.Samples("esr")] };
}
