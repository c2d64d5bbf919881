using Microsoft.Extensions.Configuration;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Service;

/// <summary>The rules the watcher applies, on their own: when a file has settled, how a move never overwrites, what is ignored.</summary>
public sealed class InboxRulesTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_file_settles_only_after_its_size_and_time_stay_the_same_for_the_settle_time()
    {
        var tracker = new SettleTracker(TimeSpan.FromSeconds(10));
        var growing = new InboxFile("/inbox/a.csv", 100, 1);

        Assert.Empty(tracker.Observe([growing], T0).Settled);
        Assert.Empty(tracker.Observe([growing with { Length = 200, LastWriteTicks = 2 }], T0.AddSeconds(9)).Settled);
        var (settled, settling) = tracker.Observe([growing with { Length = 200, LastWriteTicks = 2 }], T0.AddSeconds(18));
        Assert.Empty(settled);
        Assert.True(settling);
        Assert.Equal([growing with { Length = 200, LastWriteTicks = 2 }], tracker.Observe([growing with { Length = 200, LastWriteTicks = 2 }], T0.AddSeconds(19)).Settled);
    }

    [Fact]
    public void A_file_that_leaves_and_comes_back_starts_settling_again()
    {
        var tracker = new SettleTracker(TimeSpan.FromSeconds(10));
        var file = new InboxFile("/inbox/a.csv", 100, 1);
        tracker.Observe([file], T0);
        tracker.Observe([], T0.AddSeconds(5));

        Assert.Empty(tracker.Observe([file], T0.AddSeconds(11)).Settled);
        Assert.Single(tracker.Observe([file], T0.AddSeconds(21)).Settled);
    }

    [Fact]
    public void A_key_names_one_version_of_a_file()
    {
        var file = new InboxFile("/inbox/a.csv", 100, 1);

        Assert.Equal(file.Key, new InboxFile("/inbox/a.csv", 100, 1).Key);
        Assert.NotEqual(file.Key, (file with { LastWriteTicks = 2 }).Key);
        Assert.NotEqual(file.Key, (file with { Length = 101 }).Key);
        Assert.NotEqual(file.Key, (file with { Path = "/inbox/b.csv" }).Key);
    }

    [Fact]
    public void A_move_never_overwrites_a_file_or_a_report_already_there()
    {
        var target = _dir.File("rejected");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "return.xlsx"), "first");
        File.WriteAllText(Path.Combine(target, "return (2).xlsx.report.txt"), "an older report");

        var moved = FileMover.MoveUnique(_dir.Write("return.xlsx", "second"), target, FileReport.ReportSuffix);

        Assert.Equal(Path.Combine(target, "return (3).xlsx"), moved);
        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "return.xlsx")));
        Assert.Equal("second", File.ReadAllText(moved));
    }

    [Fact]
    public void The_scan_ignores_lock_temporary_partial_and_hidden_files_and_subfolders()
    {
        foreach (var name in new[] { "return.xlsx", "esr.csv", "~$return.xlsx", ".~lock.return.xlsx#", "download.csv.crdownload", "copy.tmp", ".hidden.csv", "notes.docx" })
        {
            _dir.Write(name, "x");
        }

        Directory.CreateDirectory(_dir.File("processed"));
        _dir.Write(Path.Combine("processed", "old.csv"), "x");

        Assert.Equal(["esr.csv", "return.xlsx"], InboxFolder.Scan(_dir.Path).Select(f => f.Name));
    }

    [Fact]
    public void A_file_held_open_for_writing_by_another_program_does_not_open_exclusively()
    {
        var path = _dir.Write("return.csv", "x");
        using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read))
        {
            Assert.False(InboxFolder.OpensExclusively(path));
        }

        Assert.True(InboxFolder.OpensExclusively(path));
    }

    [Fact]
    public void Retries_back_off_and_then_repeat_the_last_delay()
    {
        var watch = new WatchSettings { RetryDelaysSeconds = [60, 300, 900] };

        Assert.Equal([60, 300, 900, 900, 900], Enumerable.Range(1, 5).Select(a => watch.RetryDelay(a).TotalSeconds));
    }

    [Fact]
    public void Configured_retry_delays_replace_the_defaults_rather_than_add_to_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Watch:RetryDelaysSeconds:0"] = "5", ["Watch:RetryDelaysSeconds:1"] = "10" }).Build();

        var watch = StaffDataPipeline.Hosting.SettingsBinder.Bind<WatchSettings>(configuration, "Watch");

        Assert.Equal([5, 10, 10], Enumerable.Range(1, 3).Select(a => watch.RetryDelay(a).TotalSeconds));
        Assert.Equal([60, 300, 900, 3600], Enumerable.Range(1, 4).Select(a => new WatchSettings().RetryDelay(a).TotalSeconds));
    }

    [Fact]
    public void Processed_and_rejected_folders_default_to_folders_inside_the_watched_folder_and_may_not_be_it()
    {
        var watch = new WatchSettings { Path = _dir.Path };
        Assert.Equal(Path.Combine(_dir.Path, "processed"), watch.ResolvedProcessedPath);
        Assert.Equal(Path.Combine(_dir.Path, "rejected"), watch.ResolvedRejectedPath);

        var (errors, _) = ServiceSettingsValidator.Validate(new ServeSettings(), new WatchSettings { Path = _dir.Path, ProcessedPath = _dir.Path + "/" }, new ScheduleSettings(), T0);
        Assert.Contains(errors, e => e.StartsWith("Watch:ProcessedPath and Watch:RejectedPath must differ", StringComparison.Ordinal));
    }
}
