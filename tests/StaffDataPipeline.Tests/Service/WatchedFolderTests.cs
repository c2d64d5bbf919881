using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>Files dropped into the watched folder, end to end: a real Hangfire server with in-memory storage, a real SQLite warehouse.</summary>
[Collection(OneServiceAtATime.Name)]
public sealed class WatchedFolderTests : IDisposable
{
    private static readonly string[] Organisations = ["R0A", "RGT", "RQ3", "RJ1", "RP4", "RTD", "RTH", "RH8", "RHM", "RR8"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240); // a liveness bound: a passing run takes seconds
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_burst_of_200_files_some_written_slowly_some_beside_lock_files_is_each_loaded_once_and_moved()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        var names = new List<string>();
        var slowWriters = new List<Task>();
        for (var i = 0; i < 200; i++)
        {
            var name = $"esr_{i:000}.csv";
            names.Add(name);
            var content = RunningService.EsrExport(Organisations[i % 10], new DateOnly(2010, 1, 1).AddMonths(i / 10), i);
            var path = Path.Combine(service.Inbox, name);
            if (i % 10 == 3)
            {
                slowWriters.Add(WriteSlowly(path, content, chunks: 4, gap: TimeSpan.FromMilliseconds(150)));
            }
            else
            {
                await File.WriteAllTextAsync(path, content);
            }

            if (i % 10 == 7)
            {
                // What LibreOffice and Excel leave beside an open file: never loaded, never moved.
                await File.WriteAllTextAsync(Path.Combine(service.Inbox, $".~lock.{name}#"), "user,host");
                await File.WriteAllTextAsync(Path.Combine(service.Inbox, $"~${name}"), "owner");
            }
        }

        await Task.WhenAll(slowWriters);
        var processed = Path.Combine(service.Inbox, "processed");
        await RunningService.WaitUntil(() => RunningService.Files(processed).Length >= 200, Patience, "200 files in processed/", service.Describe);
        await Task.Delay(1500); // anything still to come (a second job for a file) would come now

        Assert.Equal(200, RunningService.Files(processed).Length);
        Assert.Equal(200, service.SucceededJobs);
        Assert.Equal(names.Order(StringComparer.Ordinal), RunningService.Files(processed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(40, Directory.GetFiles(service.Inbox).Length); // the 20 + 20 lock files, left where they were
        Assert.All(Directory.GetFiles(service.Inbox), f => Assert.Contains("lock", Path.GetFileName(f).Replace("~$", "lock", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(service.Inbox, "rejected")));
        Assert.Equal(200, service.Scalar("SELECT COUNT(*) FROM load_batch"));
        Assert.Equal(200, service.Scalar("SELECT COUNT(DISTINCT sha256) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(400, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [Fact]
    public async Task A_file_still_being_written_or_held_open_is_not_taken_until_it_is_complete()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        var path = Path.Combine(service.Inbox, "esr_R0A_2024-03.csv");
        var content = RunningService.EsrExport("R0A", new DateOnly(2024, 3, 1), 1, rows: 40);
        var half = content.Length / 2;
        await using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            // Written in pieces more often than the settle time: never still for long enough.
            for (var offset = 0; offset < half; offset += 200)
            {
                await writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content[offset..Math.Min(half, offset + 200)]));
                await writer.FlushAsync();
                await Task.Delay(200);
            }

            // Still open for writing and quiet for three settle times: the sharing check keeps it out.
            await Task.Delay(1500);
            Assert.True(File.Exists(path));
            Assert.Equal(0, BatchCount(service));

            await writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content[half..]));
        }

        await RunningService.WaitUntil(() => !File.Exists(path), Patience, "the completed file to be taken");
        await RunningService.WaitUntil(() => BatchCount(service) == 1, Patience, "its batch");
        Assert.Equal(40, service.Scalar("SELECT rows_loaded FROM load_batch"));
        Assert.Single(RunningService.Files(Path.Combine(service.Inbox, "processed")));
    }

    [Fact]
    public async Task The_server_stopped_in_the_middle_of_a_burst_and_started_again_loads_every_file_once()
    {
        const int Files = 60;
        var first = await RunningService.StartAsync(_dir.Path);
        for (var i = 0; i < Files; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(first.Inbox, $"esr_{i:00}.csv"), RunningService.EsrExport(Organisations[i % 10], new DateOnly(2015, 1, 1).AddMonths(i / 10), i, rows: 200));
        }

        var processed = Path.Combine(first.Inbox, "processed");
        await RunningService.WaitUntil(() => RunningService.Files(processed).Length >= 5, Patience, "the first files to load");
        await first.StopAsync();
        await first.DisposeAsync();
        var afterStop = RunningService.Files(processed).Length;
        Assert.InRange(afterStop, 5, Files - 1);
        Assert.Equal(0, RunningService.Scalar(first.Database, "SELECT COUNT(*) FROM load_batch WHERE status = 'running'"));

        // A restart with in-memory storage forgets every queued job: the scan finds the files still in the inbox.
        await using var second = await RunningService.StartAsync(_dir.Path);
        await RunningService.WaitUntil(() => RunningService.Files(processed).Length >= Files, Patience, "every file after the restart");
        await Task.Delay(1000);

        Assert.Equal(Files, RunningService.Files(processed).Length);
        Assert.Empty(Directory.GetFiles(second.Inbox));
        Assert.Equal(Files, second.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(Files, second.Scalar("SELECT COUNT(DISTINCT sha256) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(Files * 200, second.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [Fact]
    public async Task Stopping_the_service_during_a_load_rolls_the_load_back_and_the_next_start_loads_the_file_once()
    {
        var first = await RunningService.StartAsync(_dir.Path);
        var path = Path.Combine(first.Inbox, "RGT_2024-02.csv");
        await File.WriteAllTextAsync(path, RunningService.EsrExport("RGT", new DateOnly(2024, 2, 1), 1, rows: 300_000));
        // Large enough that the load runs for seconds: the stop lands mid-load, not after the commit.
        await RunningService.WaitUntil(() => Running(first) == 1, TimeSpan.FromSeconds(60), "the load to start");

        await first.StopAsync();
        await first.DisposeAsync();

        Assert.True(File.Exists(path));
        Assert.Equal("failed INTERRUPTED", Text(first.Database, "SELECT status || ' ' || reason_code FROM load_batch"));
        Assert.Equal(0, RunningService.Scalar(first.Database, "SELECT COUNT(*) FROM fact_staff_in_post"));

        await using var second = await RunningService.StartAsync(_dir.Path);
        await RunningService.WaitUntil(() => !File.Exists(path), TimeSpan.FromSeconds(120), "the file to load after the restart");
        Assert.Equal(1, second.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(300_000, second.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [Fact]
    public async Task A_mapping_rule_edited_while_the_service_runs_applies_to_the_next_file_and_its_taxonomy_version_is_recorded()
    {
        var reference = _dir.CopyReferenceData();
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["ReferenceData:Path"] = reference });
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "R0A_2024-07.csv"), RunningService.EsrExport("R0A", new DateOnly(2024, 7, 1), 1));
        await RunningService.WaitUntil(() => Loaded(service) == 1, Patience, "the first file");

        // The workforce team adds a rule at the top (first match wins): no restart.
        var rules = Path.Combine(reference, "mapping-rules.csv");
        var lines = File.ReadAllLines(rules).ToList();
        lines.Insert(lines.FindIndex(l => l.StartsWith("rule_id,", StringComparison.Ordinal)) + 1, "TEAM-01,GC-TRAINEE,\\bgenetic counsellor\\b,,,,,,a test rule");
        File.WriteAllLines(rules, lines);
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "R0A_2024-08.csv"), RunningService.EsrExport("R0A", new DateOnly(2024, 8, 1), 2));
        await RunningService.WaitUntil(() => Loaded(service) == 2, Patience, "the second file");

        Assert.NotEqual(Text(service.Database, "SELECT taxonomy_version FROM load_batch WHERE batch_id = 1"), Text(service.Database, "SELECT taxonomy_version FROM load_batch WHERE batch_id = 2"));
        Assert.Equal(0, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post WHERE batch_id = 1 AND rule_id = 'TEAM-01'"));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post WHERE batch_id = 2 AND rule_id = 'TEAM-01'"));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post f JOIN load_batch b ON b.batch_id = f.batch_id WHERE f.batch_id = 2 AND f.taxonomy_version = b.taxonomy_version AND f.rule_id = 'TEAM-01'"));
    }

    [Fact]
    public async Task A_file_that_loads_but_cannot_be_moved_stays_in_the_inbox_and_is_moved_later_without_loading_twice()
    {
        var processed = Path.Combine(_dir.Path, "inbox", "processed");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "inbox"));
        await File.WriteAllTextAsync(processed, "a file where the processed folder should be"); // the move cannot make its folder
        await using var service = await RunningService.StartAsync(_dir.Path);
        var path = Path.Combine(service.Inbox, "RGT_2024-09.csv");
        await File.WriteAllTextAsync(path, RunningService.EsrExport("RGT", new DateOnly(2024, 9, 1), 4));
        await RunningService.WaitUntil(() => Loaded(service) == 1, Patience, "the load");
        await Task.Delay(2000); // several attempts to move it, each finding it already loaded

        Assert.True(File.Exists(path));
        File.Delete(processed);
        await RunningService.WaitUntil(() => !File.Exists(path), Patience, "the move once the folder can be made");

        Assert.Single(RunningService.Files(processed));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM load_batch"));
        Assert.Equal(2, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [Fact]
    public async Task An_archive_or_a_document_dropped_in_the_inbox_goes_to_rejected_saying_what_to_send_instead()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        await File.WriteAllBytesAsync(Path.Combine(service.Inbox, "returns.zip"), [0x50, 0x4B, 0x03, 0x04]);
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "notes.docx"), "not a return");
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "~$open.xlsx"), "user");

        var rejected = Path.Combine(service.Inbox, "rejected");
        await RunningService.WaitUntil(() => File.Exists(Path.Combine(rejected, "notes.docx.report.txt")) && File.Exists(Path.Combine(rejected, "returns.zip.report.txt")), Patience, "the reports");
        var report = await File.ReadAllTextAsync(Path.Combine(rejected, "returns.zip.report.txt"));
        Assert.Contains("returns.zip was not loaded", report, StringComparison.Ordinal);
        Assert.Contains("returns.zip is an archive (unpack it and load the exports or workbooks it holds), which the inbox does not take", report, StringComparison.Ordinal);
        Assert.Contains("not a .csv, .txt, .xlsx, .xlsm or .xls file", await File.ReadAllTextAsync(Path.Combine(rejected, "notes.docx.report.txt")), StringComparison.Ordinal);

        // A lock file goes away on its own: it is left where it is.
        Assert.Equal(["~$open.xlsx"], Directory.GetFiles(service.Inbox).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_rejected_file_lands_in_rejected_with_its_report_and_the_corrected_file_then_loads()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        var good = RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 10);
        var lines = good.Split('\n');
        lines[3] = lines[3].Replace(",1.0,", ",=2*3,", StringComparison.Ordinal); // an FTE that is not a number
        lines[5] = lines[5].Replace(",1.0,", ",9.5,", StringComparison.Ordinal);               // an FTE out of range
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "RGT_2024-05.csv"), string.Join('\n', lines));

        var rejected = Path.Combine(service.Inbox, "rejected");
        await RunningService.WaitUntil(() => File.Exists(Path.Combine(rejected, "RGT_2024-05.csv.report.txt")), Patience, "the rejection report");
        Assert.True(File.Exists(Path.Combine(rejected, "RGT_2024-05.csv")));
        var report = await File.ReadAllTextAsync(Path.Combine(rejected, "RGT_2024-05.csv.report.txt"));
        Assert.Contains("RGT_2024-05.csv was not loaded", report, StringComparison.Ordinal);
        Assert.Contains("THRESHOLD_EXCEEDED", report, StringComparison.Ordinal);
        Assert.Contains("What to do: Too many rows had problems", report, StringComparison.Ordinal);
        Assert.Contains("row 4, column", report, StringComparison.Ordinal);
        var errors = await File.ReadAllLinesAsync(Path.Combine(rejected, "RGT_2024-05.csv.errors.csv"));
        Assert.Equal("sheet,row,column,reason_code,reason", errors[0].TrimStart('\uFEFF'));
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, e => e.StartsWith(",4,", StringComparison.Ordinal) && e.Contains("FTE", StringComparison.Ordinal));
        Assert.All(errors.SelectMany(e => e.Split(',')), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@'));
        Assert.DoesNotContain("=2*3", string.Join('\n', errors) + report, StringComparison.Ordinal); // the value itself is never quoted
        Assert.Equal(0, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));

        // The same name again, corrected: it loads, and the rejected copy and its report stay for reference.
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "RGT_2024-05.csv"), good);
        await RunningService.WaitUntil(() => RunningService.Files(Path.Combine(service.Inbox, "processed")).Length == 1, Patience, "the corrected file to load");
        Assert.Equal(10, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal(3, Directory.GetFiles(rejected).Length);
        Assert.Empty(Directory.GetFiles(service.Inbox));
    }

    [Fact]
    public async Task A_file_far_smaller_than_the_month_it_replaces_is_held_in_rejected_and_loads_once_moved_into_accept()
    {
        await using var service = await RunningService.StartAsync(_dir.Path);
        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "RGT_2024-05.csv"), RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 20));
        await RunningService.WaitUntil(() => RunningService.Files(Path.Combine(service.Inbox, "processed")).Length == 1, Patience, "the full month to load");
        Assert.True(Directory.Exists(Path.Combine(service.Inbox, "accept")), "the service makes the accept/ folder so the team can find it");

        await File.WriteAllTextAsync(Path.Combine(service.Inbox, "RGT_2024-05_filtered.csv"), RunningService.EsrExport("RGT", new DateOnly(2024, 5, 1), 7, rows: 5));

        var rejected = Path.Combine(service.Inbox, "rejected");
        await RunningService.WaitUntil(() => File.Exists(Path.Combine(rejected, "RGT_2024-05_filtered.csv.report.txt")), Patience, "the hold report");
        var report = await File.ReadAllTextAsync(Path.Combine(rejected, "RGT_2024-05_filtered.csv.report.txt"));
        Assert.Contains("SUSPICIOUS_SHRINK", report, StringComparison.Ordinal);
        Assert.Contains("RGT 2024-05: 5 facts would replace 20 of batch", report, StringComparison.Ordinal);
        Assert.Contains("move it into the inbox's accept/ folder", report, StringComparison.Ordinal);
        Assert.Equal(20, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));

        // The team checks the file and moves it into accept/: it loads and supersedes the month.
        File.Move(Path.Combine(rejected, "RGT_2024-05_filtered.csv"), Path.Combine(service.Inbox, "accept", "RGT_2024-05_filtered.csv"));
        await RunningService.WaitUntil(() => RunningService.Files(Path.Combine(service.Inbox, "processed")).Length == 2, Patience, "the accepted file to load");
        Assert.Equal(5, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Empty(Directory.GetFiles(Path.Combine(service.Inbox, "accept")));
    }

    [Fact]
    public async Task A_file_that_fails_for_an_environment_reason_stays_in_the_inbox_and_is_retried_until_it_loads()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["Warehouse:BusyTimeoutSeconds"] = "0.5" });
        var path = Path.Combine(service.Inbox, "R0A_2024-06.csv");
        using (var holder = new SqliteConnection($"Data Source={service.Database};Pooling=False"))
        {
            // Another writer holds the warehouse (an analyst's long transaction): the load fails as busy, not rejected.
            holder.Open();
            holder.Execute("PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE;");
            await File.WriteAllTextAsync(path, RunningService.EsrExport("R0A", new DateOnly(2024, 6, 1), 3));
            await Task.Delay(TimeSpan.FromSeconds(4)); // settle, then attempts every 0.5 s, each failing after a 0.5 s wait
            Assert.True(File.Exists(path));
            Assert.False(Directory.Exists(Path.Combine(service.Inbox, "rejected")));
            holder.Execute("ROLLBACK;");
        }

        await RunningService.WaitUntil(() => !File.Exists(path), Patience, "the retry to load it");
        Assert.Single(RunningService.Files(Path.Combine(service.Inbox, "processed")));
        Assert.Equal(1, service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
    }

    private static long BatchCount(RunningService service) =>
        File.Exists(service.Database) ? service.Scalar("SELECT COUNT(*) FROM load_batch") : 0;

    private static long Loaded(RunningService service) =>
        File.Exists(service.Database) ? service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'") : 0;

    private static long Running(RunningService service)
    {
        try
        {
            return File.Exists(service.Database) ? service.Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'running'") : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static string? Text(string database, string sql) => SqliteFile.Scalar<string?>(database, sql);

    private static async Task WriteSlowly(string path, string content, int chunks, TimeSpan gap)
    {
        var size = (content.Length / chunks) + 1;
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        for (var offset = 0; offset < content.Length; offset += size)
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content[offset..Math.Min(content.Length, offset + size)]));
            await stream.FlushAsync();
            await Task.Delay(gap);
        }
    }
}
