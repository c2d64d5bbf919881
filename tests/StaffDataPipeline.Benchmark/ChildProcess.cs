using System.Diagnostics;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// Runs this benchmark again, as published (ChildBuild), as a child process with the given arguments (its
/// "--…-in-process" side), so that wall time includes starting .NET and the child's peak working set is its own;
/// returns what it printed and how long it took.
/// </summary>
internal static class ChildProcess
{
    public static (string Output, int ExitCode, double Seconds) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(ChildBuild.Host) { RedirectStandardOutput = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(ChildBuild.Entry(Path.Combine(Path.GetTempPath(), "staffdata-benchmark")));

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return (output, p.ExitCode, clock.Elapsed.TotalSeconds);
    }
}
