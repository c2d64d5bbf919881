using System.Diagnostics;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>Whether a running batch's owner is alive decides whether start-up may fail the batch.</summary>
public sealed class BatchOwnerTests
{
    [Fact]
    public void This_process_is_alive_and_a_pid_with_another_start_time_or_none_at_all_is_not()
    {
        var me = BatchOwner.Current;

        Assert.True(me.MayStillBeRunning());
        Assert.False((me with { ProcessStartedAt = me.ProcessStartedAt.AddHours(-1) }).MayStillBeRunning());
        Assert.False((me with { ProcessId = int.MaxValue - 7 }).MayStillBeRunning());
        Assert.True((me with { Host = "another-host" }).MayStillBeRunning());
    }

    [SkippableFact]
    public void A_killed_process_not_yet_reaped_by_its_parent_is_dead()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "zombie processes are a Linux matter");

        // The shell starts a child that exits after a second, then becomes `sleep`, which never reaps it: a zombie until
        // the shell's sleep ends. The child outlives the exec, so a busy machine cannot let the shell reap it first.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 1 & echo $!; exec sleep 8"]) { RedirectStandardOutput = true })!;
        var zombie = int.Parse(shell.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(6);
        while (!File.ReadAllText($"/proc/{zombie}/stat").Contains(") Z", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        using var process = Process.GetProcessById(zombie);
        var owner = new BatchOwner(Environment.MachineName, zombie, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));

        Assert.False(owner.MayStillBeRunning());
        shell.Kill();
    }
}
