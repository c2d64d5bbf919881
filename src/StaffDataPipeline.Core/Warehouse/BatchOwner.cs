using System.Diagnostics;

namespace StaffDataPipeline.Warehouse;

/// <summary>
/// Who runs a batch: host, process id and the process's start time (a pid is reused; pid and start time are not).
/// A batch left 'running' is failed only when its owner on this host is gone; batches of other hosts are left alone.
/// </summary>
public sealed record BatchOwner(string Host, int ProcessId, DateTimeOffset ProcessStartedAt)
{
    public static BatchOwner Current { get; } = Of(Process.GetCurrentProcess());

    /// <summary>Whether the owner ran on this machine, where its process can be looked for.</summary>
    public bool IsThisHost => string.Equals(Host, Current.Host, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Host} pid {ProcessId}";

    /// <summary>False only when the owner ran on this host and no process with its id and start time is alive.</summary>
    public bool MayStillBeRunning()
    {
        if (!IsThisHost)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return !IsZombie(ProcessId) && Math.Abs((Of(process).ProcessStartedAt - ProcessStartedAt).TotalSeconds) < 2;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static BatchOwner Of(Process process) =>
        new(Environment.MachineName, process.Id, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));

    // A killed process lingers as a zombie until its parent reaps it; it runs nothing and holds no lock.
    private static bool IsZombie(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
