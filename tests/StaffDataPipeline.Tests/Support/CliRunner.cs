using System.Diagnostics;

namespace StaffDataPipeline.Tests.Support;

/// <summary>Runs the real `staffdata` program as a child process, as a data engineer or the scheduler would.</summary>
internal static class CliRunner
{
    public static readonly string TestKey = Convert.ToBase64String(TestPipeline.Key);

    public static (int ExitCode, string Out, string Error) Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "staffdata.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never touch the developer's real key file.
        start.Environment["STAFFDATA__PSEUDONYMISATION__KEY"] = TestKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"staffdata {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
