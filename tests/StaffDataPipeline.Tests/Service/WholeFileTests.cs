using System.Diagnostics;
using System.Globalization;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>
/// A copy that stalls (a slow share pausing for longer than Watch:SettleSeconds) is not taken half-written: a real
/// writer process (python3, which takes no file lock, like a copy over SMB) writes part of a file into a real watched
/// folder, pauses for six settle times, then writes the rest.
/// </summary>
[Collection(OneServiceAtATime.Name)]
public sealed class WholeFileTests : IDisposable
{
    private const double PauseSeconds = 3; // six times the tests' settle time (0.5 s)
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120); // a liveness bound: a passing run takes seconds
    private static readonly Dictionary<string, string?> LongWait = new() { ["Watch:IncompleteWaitSeconds"] = "60" };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_csv_copy_that_stalls_mid_line_for_longer_than_the_settle_time_is_loaded_once_whole()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, LongWait);
        var source = _dir.File("esr_R0A_2024-03.csv");
        await File.WriteAllTextAsync(source, RunningService.EsrExport("R0A", new DateOnly(2024, 3, 1), 1, rows: 40));
        var bytes = await File.ReadAllBytesAsync(source);
        var split = Array.IndexOf(bytes, (byte)'\n', bytes.Length / 2) - 7; // inside row 20 or so: mid-line
        Assert.NotEqual((byte)'\n', bytes[split - 1]);

        var target = Path.Combine(service.Inbox, "esr_R0A_2024-03.csv");
        await WriteWithStall(source, target, split);

        await RunningService.WaitUntil(() => !File.Exists(target), Patience, "the file to be taken", service.Describe);
        await RunningService.WaitUntil(() => service.Scalar("SELECT COUNT(*) FROM load_batch") >= 1, Patience, "its batch", service.Describe);
        await Task.Delay(1500); // a second load (the rest, put back) would come now

        Assert.Equal("loaded 40", Text(service, "SELECT group_concat(status || ' ' || rows_loaded) FROM load_batch"));
        Assert.Equal(40, service.Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
        var processed = Assert.Single(RunningService.Files(Path.Combine(service.Inbox, "processed")));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(processed));
        Assert.False(Directory.Exists(Path.Combine(service.Inbox, "rejected")));
    }

    [Fact]
    public async Task A_workbook_copy_that_stalls_halfway_is_loaded_once_whole_not_rejected_as_damaged()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, LongWait);
        var source = Directory.GetFiles(Repository.Samples("surveys"), "RGT_glh_return_*.xlsx").Order(StringComparer.Ordinal).First();
        var target = Path.Combine(service.Inbox, Path.GetFileName(source));
        await WriteWithStall(source, target, (int)(new FileInfo(source).Length / 2));

        await RunningService.WaitUntil(() => !File.Exists(target), Patience, "the workbook to be taken", service.Describe);
        await RunningService.WaitUntil(() => service.Scalar("SELECT COUNT(*) FROM load_batch") >= 1, Patience, "its batch", service.Describe);
        await Task.Delay(1500);

        Assert.Equal("loaded", Text(service, "SELECT group_concat(status) FROM load_batch"));
        Assert.True(service.Scalar("SELECT rows_loaded FROM load_batch") > 0);
        var processed = Assert.Single(RunningService.Files(Path.Combine(service.Inbox, "processed")));
        Assert.Equal(await File.ReadAllBytesAsync(source), await File.ReadAllBytesAsync(processed));
        Assert.False(Directory.Exists(Path.Combine(service.Inbox, "rejected")));
    }

    [Fact]
    public async Task A_csv_that_never_gets_its_last_line_end_is_loaded_after_the_limit_and_its_report_says_so()
    {
        await using var service = await RunningService.StartAsync(_dir.Path, new Dictionary<string, string?> { ["Watch:IncompleteWaitSeconds"] = "4" });
        var target = Path.Combine(service.Inbox, "esr_RGT_2024-04.csv");
        var written = Stopwatch.StartNew();
        await File.WriteAllTextAsync(target, RunningService.EsrExport("RGT", new DateOnly(2024, 4, 1), 2, rows: 10).TrimEnd('\n'));

        // Settled many times over, but still looks unfinished: not taken yet.
        await Task.Delay(2500);
        Assert.True(File.Exists(target), "taken before Watch:IncompleteWaitSeconds");
        Assert.Equal(0, service.Scalar("SELECT COUNT(*) FROM load_batch"));

        var processed = Path.Combine(service.Inbox, "processed");
        await RunningService.WaitUntil(() => RunningService.Files(processed).Any(f => f.EndsWith(".report.txt", StringComparison.Ordinal)), Patience, "the file and its report in processed/", service.Describe);
        Assert.True(written.Elapsed >= TimeSpan.FromSeconds(4), $"taken after {written.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal("loaded 10", Text(service, "SELECT group_concat(status || ' ' || rows_loaded) FROM load_batch"));
        var report = await File.ReadAllTextAsync(Assert.Single(RunningService.Files(processed), f => f.EndsWith(".report.txt", StringComparison.Ordinal)));
        Assert.Contains("esr_RGT_2024-04.csv was loaded as batch", report, StringComparison.Ordinal);
        Assert.Contains("taken although its last line has no line end", report, StringComparison.Ordinal);
        Assert.Contains("drop the whole file into the inbox again", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a python3 process that writes <paramref name="split"/> bytes of <paramref name="source"/> to
    /// <paramref name="target"/>, keeps it open and still for <see cref="PauseSeconds"/>, then writes the rest and exits.
    /// </summary>
    private static async Task WriteWithStall(string source, string target, int split)
    {
        const string Script = """
            import sys, time
            source, target, split, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
            data = open(source, 'rb').read()
            with open(target, 'wb') as f:
                f.write(data[:split])
                f.flush()
                time.sleep(pause)
                f.write(data[split:])
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", Script, source, target, split.ToString(CultureInfo.InvariantCulture), PauseSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var writer = Process.Start(start)!;
        var errors = writer.StandardError.ReadToEndAsync();
        await writer.WaitForExitAsync();
        Assert.True(writer.ExitCode == 0, await errors);
    }

    private static string Text(RunningService service, string sql) => SqliteFile.Scalar<string>(service.Database, sql);
}
