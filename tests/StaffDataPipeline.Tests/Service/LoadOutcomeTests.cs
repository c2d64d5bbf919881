using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StaffDataPipeline.Service.Api;
using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>
/// Outcomes where people look: a file that did not load is a Failed job in Hangfire, with the outcome as its reason,
/// and /loads lists every recent file (inbox, schedule, CLI) with its outcome, figures and report.
/// </summary>
[Collection(OneServiceAtATime.Name)]
public sealed class LoadOutcomeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_loaded_file_succeeds_and_a_rejected_or_held_one_fails_with_its_outcome_as_the_reason_and_is_not_run_again()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        var monitoring = service.Monitoring;
        await DropAndWait(service, "RGT_2024-05.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 20), Path.Combine("processed"));
        await DropAndWait(service, "RGT_2024-06.csv", WithBadFte(RunningService.EsrExport("RGT", new DateOnly(2024, 6, 1), 8, rows: 10)), "rejected");
        await DropAndWait(service, "RGT_2024-05_filtered.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 5), "rejected");
        await RunningService.WaitUntil(() => monitoring.FailedCount() == 2 && monitoring.SucceededListCount() == 1, Patience, "the three jobs to end", service.Describe);
        await Task.Delay(1500); // a retry, if one were scheduled, would show now

        var succeeded = Assert.Single(monitoring.SucceededJobs(0, 10));
        Assert.Equal("Succeeded", monitoring.JobDetails(succeeded.Key).History[0].StateName);
        Assert.Contains("\"Outcome\":\"loaded\"", (string)succeeded.Value.Result, StringComparison.Ordinal);

        var failed = monitoring.FailedJobs(0, 10).Select(j => j.Value).ToList();
        Assert.Equal(
            ["Held: SUSPICIOUS_SHRINK, RGT_2024-05_filtered.csv", "Rejected: THRESHOLD_EXCEEDED, RGT_2024-06.csv"],
            failed.Select(f => f.Reason).Order(StringComparer.Ordinal));
        Assert.All(failed, f => Assert.Equal(typeof(LoadOutcomeException).FullName, f.ExceptionType));
        Assert.Contains(failed, f => f.ExceptionMessage.StartsWith("RGT_2024-06.csv: rejected (THRESHOLD_EXCEEDED)", StringComparison.Ordinal) && f.ExceptionMessage.Contains("moved to", StringComparison.Ordinal));
        Assert.Contains(failed, f => f.ExceptionMessage.StartsWith("RGT_2024-05_filtered.csv: held (SUSPICIOUS_SHRINK)", StringComparison.Ordinal) && f.ExceptionMessage.Contains("RGT 2024-05: 5 facts would replace 20 of batch 1", StringComparison.Ordinal));
        Assert.All(failed, f => Assert.DoesNotContain("=2*3", f.ExceptionMessage + f.ExceptionDetails, StringComparison.Ordinal));
        Assert.All(failed, f => Assert.DoesNotContain(".cs:line", f.ExceptionDetails, StringComparison.Ordinal)); // an outcome, not a fault: no stack trace

        // Never run again: each stays Failed (a retry would have moved it to Scheduled), and each file has one batch.
        foreach (var id in monitoring.FailedJobs(0, 10).Select(j => j.Key))
        {
            var history = monitoring.JobDetails(id).History;
            Assert.Equal("Failed", history[0].StateName);
            Assert.DoesNotContain(history, h => h.StateName == "Scheduled");
        }

        Assert.Equal(0, monitoring.ScheduledCount());
        Assert.Equal(2, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'rejected'"));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'rejected' AND reason_code = 'SUSPICIOUS_SHRINK'"));
    }

    [Fact]
    public async Task A_scheduled_run_with_a_rejected_file_fails_with_the_file_as_its_reason_and_is_not_retried()
    {
        var extracts = Path.Combine(_dir.Path, "esr-drop");
        Directory.CreateDirectory(extracts);
        await File.WriteAllTextAsync(Path.Combine(extracts, "R0A_2024-01.csv"), RunningService.EsrExport("R0A", new DateOnly(2024, 1, 1), 1));
        await File.WriteAllTextAsync(Path.Combine(extracts, "R0A_2024-02.csv"), WithBadFte(RunningService.EsrExport("R0A", new DateOnly(2024, 2, 1), 2, rows: 10)));
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["Schedule:Jobs:0:Id"] = "nightly-esr",
            ["Schedule:Jobs:0:Cron"] = "0 22 * * *",
            ["Schedule:Jobs:0:Paths:0"] = extracts,
            ["Watch:Enabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = new Uri(service.Address) };
        (await http.PostAsync(new Uri("/api/jobs/nightly-esr/run", UriKind.Relative), null)).EnsureSuccessStatusCode();

        await RunningService.WaitUntil(() => service.Monitoring.FailedCount() == 1, Patience, "the run to end", service.Describe);
        await Task.Delay(1000);

        var failed = Assert.Single(service.Monitoring.FailedJobs(0, 10));
        Assert.Equal("Rejected: THRESHOLD_EXCEEDED, R0A_2024-02.csv", failed.Value.Reason);
        Assert.Equal("Failed", service.Monitoring.JobDetails(failed.Key).History[0].StateName);
        Assert.Equal(0, service.Monitoring.ScheduledCount());
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'rejected'"));

        var job = Assert.Single((await http.GetFromJsonAsync<List<JobView>>(new Uri("/api/jobs", UriKind.Relative)))!);
        Assert.Equal("Failed", job.LastState);
        Assert.StartsWith("Scheduled load nightly-esr: 1 loaded, 0 already loaded, 1 rejected, 0 failed", job.LastOutcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loads_page_lists_files_from_every_route_with_outcome_figures_and_report_encoded_and_without_personal_values()
    {
        var scheduled = Path.Combine(_dir.Path, "esr-drop");
        Directory.CreateDirectory(scheduled);
        await File.WriteAllTextAsync(Path.Combine(scheduled, "RQ3_2024-03.csv"), RunningService.EsrExport("RQ3", new DateOnly(2024, 3, 1), 3, rows: 4));
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?>
        {
            ["Schedule:Jobs:0:Id"] = "nightly-esr",
            ["Schedule:Jobs:0:Cron"] = "0 22 * * *",
            ["Schedule:Jobs:0:Paths:0"] = scheduled,
        });
        using var http = new HttpClient { BaseAddress = new Uri(service.Address) };

        using (var empty = await http.GetAsync(new Uri("/loads", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("No file has been loaded yet.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(File.Exists(service.Database) && service.Scalar("SELECT COUNT(*) FROM load_batch") > 0);
        }

        var good = RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 20);
        await DropAndWait(service, "RGT & co's 2024-05.csv", good, "processed");
        await DropAndWait(service, "RGT_2024-06.csv", WithBadFte(RunningService.EsrExport("RGT", new DateOnly(2024, 6, 1), 8, rows: 10)), "rejected");
        await DropAndWait(service, "RGT_2024-05_filtered.csv", RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 5), "rejected");
        await DropAndWait(service, "RGT_2024-05 again.csv", good, "processed"); // the same bytes again: already loaded
        (await http.PostAsync(new Uri("/api/jobs/nightly-esr/run", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var cli = _dir.Write("RJ1_2024-04.csv", RunningService.EsrExport("RJ1", new DateOnly(2024, 4, 1), 4, rows: 3));
        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "load", cli, "--database", service.Database);
        Assert.True(exit == 0, error);
        await RunningService.WaitUntil(() => service.Scalar("SELECT COUNT(*) FROM load_batch") == 5 && service.Monitoring.SucceededListCount() >= 3, Patience, "every route's batch", service.Describe);

        var page = await http.GetStringAsync(new Uri("/loads", UriKind.Relative));
        var recent = page[page.IndexOf("<table class=\"recent\">", StringComparison.Ordinal)..];
        var rows = recent[..recent.IndexOf("</table>", StringComparison.Ordinal)].Split("<tr>").Skip(2).ToList(); // past the header row
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r.Contains("RGT &amp; co&#39;s 2024-05.csv", StringComparison.Ordinal) && r.Contains("class=\"outcome loaded\">loaded", StringComparison.Ordinal) && r.Contains("<td class=\"n\">20</td>", StringComparison.Ordinal));
        Assert.DoesNotContain("co's", page, StringComparison.Ordinal);
        var rejected = Assert.Single(rows, r => r.Contains("RGT_2024-06.csv", StringComparison.Ordinal));
        Assert.Contains(">rejected<br><code>THRESHOLD_EXCEEDED</code>", rejected, StringComparison.Ordinal);
        Assert.Contains("What to do: Too many rows had problems", rejected, StringComparison.Ordinal);
        Assert.Contains("href=\"/loads/2/report\"", rejected, StringComparison.Ordinal);
        Assert.Contains("href=\"/loads/2/errors\"", rejected, StringComparison.Ordinal);
        var held = Assert.Single(rows, r => r.Contains("RGT_2024-05_filtered.csv", StringComparison.Ordinal));
        Assert.Contains(">held<br><code>SUSPICIOUS_SHRINK</code>", held, StringComparison.Ordinal);
        Assert.Contains("RGT 2024-05: 5 facts would replace 20 of batch 1", held, StringComparison.Ordinal);
        Assert.Contains("accept/ folder", held, StringComparison.Ordinal);
        Assert.Contains("href=\"/loads/3/report\"", held, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">5</td><td class=\"n\">0</td>", held, StringComparison.Ordinal); // 5 read, none loaded
        Assert.Contains(rows, r => r.Contains("RGT_2024-05 again.csv", StringComparison.Ordinal) && r.Contains(">already loaded<", StringComparison.Ordinal) && r.Contains("loaded before as batch 1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("RQ3_2024-03.csv", StringComparison.Ordinal) && r.Contains(">loaded<", StringComparison.Ordinal) && !r.Contains("href=", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("RJ1_2024-04.csv", StringComparison.Ordinal) && r.Contains(">loaded<", StringComparison.Ordinal) && r.Contains("<td class=\"n\">3</td>", StringComparison.Ordinal));
        Assert.DoesNotContain("=2*3", page, StringComparison.Ordinal);
        Assert.DoesNotContain("01/01/1980", page, StringComparison.Ordinal);
        Assert.DoesNotContain("7000", page, StringComparison.Ordinal); // an employee number of the loaded file

        // The report served is the one beside the rejected file, as text, never sniffed as HTML.
        using (var report = await http.GetAsync(new Uri("/loads/2/report", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            Assert.Equal("text/plain", report.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", report.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(service.Inbox, "rejected", "RGT_2024-06.csv.report.txt")), await report.Content.ReadAsStringAsync());
        }

        Assert.StartsWith("sheet,row,column,reason_code,reason", (await http.GetStringAsync(new Uri("/loads/2/errors", UriKind.Relative))).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/loads/1/report", UriKind.Relative))).StatusCode); // loaded cleanly: no report
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/loads/99/report", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/loads/..%2F..%2Fwarehouse.db/report", UriKind.Relative))).StatusCode);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/loads/recent.json", UriKind.Relative)));
        var outcomes = json.RootElement.EnumerateArray().Select(e => (File: e.GetProperty("file").GetString(), Outcome: e.GetProperty("outcome").GetString())).ToList();
        Assert.Equal(6, outcomes.Count);
        Assert.Contains(("RGT_2024-05_filtered.csv", "held"), outcomes);
        Assert.Contains(("RGT_2024-06.csv", "rejected"), outcomes);
        Assert.Contains(("RGT_2024-05 again.csv", "already loaded"), outcomes);
    }

    [Fact]
    public async Task A_file_that_fails_for_an_environment_reason_is_a_failed_job_saying_when_it_is_tried_again_and_then_loads()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["Warehouse:BusyTimeoutSeconds"] = "0.5" });
        var path = Path.Combine(service.Inbox, "R0A_2024-06.csv");
        using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={service.Database};Pooling=False"))
        {
            // Another writer holds the warehouse: each attempt fails as busy, and the job says so.
            holder.Open();
            using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            await File.WriteAllTextAsync(path, RunningService.EsrExport("R0A", new DateOnly(2024, 6, 1), 3));
            await RunningService.WaitUntil(() => service.Monitoring.FailedCount() >= 1, Patience, "a failed attempt", service.Describe);
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        await RunningService.WaitUntil(() => !File.Exists(path), Patience, "the retry to load it", service.Describe);
        var failed = service.Monitoring.FailedJobs(0, 50).Select(j => j.Value).ToList();
        Assert.All(failed, f => Assert.Matches(@"^Will retry in [0-9.]+ min: [A-Z_]+, R0A_2024-06\.csv$", f.Reason));
        Assert.All(failed, f => Assert.Contains("It stays in the inbox and is tried again", f.ExceptionMessage, StringComparison.Ordinal));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
    }

    private static string WithBadFte(string export)
    {
        var lines = export.Split('\n');
        lines[3] = lines[3].Replace(",1.0,", ",=2*3,", StringComparison.Ordinal); // an FTE that is not a number
        lines[5] = lines[5].Replace(",1.0,", ",9.5,", StringComparison.Ordinal);  // an FTE out of range
        return string.Join('\n', lines);
    }

    private static async Task DropAndWait(RunningService service, string name, string content, string folder)
    {
        var before = RunningService.Files(Path.Combine(service.Inbox, folder)).Length;
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, name), content);
        await RunningService.WaitUntil(() => !File.Exists(Path.Combine(service.Inbox, name)) && RunningService.Files(Path.Combine(service.Inbox, folder)).Length > before, Patience, $"{name} to reach {folder}/", service.Describe);
    }
}
