using System.Diagnostics;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// The build the child processes run: this benchmark published as `dotnet publish` deploys staffdata (Release,
/// ReadyToRun: the assemblies carry native code, so a load does not begin by compiling them), into the work folder.
/// Published once per invocation (incrementally: a few seconds when nothing changed). A build that is not published
/// that way starts about a third of a second later and compiles on the cores the load needs (docs/benchmark.md).
/// </summary>
internal static class ChildBuild
{
    private static string? _entry;

    /// <summary>
    /// The dotnet this benchmark runs on (started by `dotnet run`), else the one on PATH, so that the children run on
    /// the parent's runtime.
    /// </summary>
    public static string Host { get; } = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>The published benchmark's entry assembly, publishing it first if this invocation has not yet.</summary>
    public static string Entry(string work)
    {
        if (_entry is not null)
        {
            return _entry;
        }

        var project = Project();
        var output = Path.Combine(work, "child");
        var publish = new ProcessStartInfo(Host) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet" })
        {
            publish.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(publish)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"publishing the benchmark for its child processes failed:\n{stdout}\n{stderr.Result}");
        }

        Console.Error.WriteLine($"children run {output} (published ReadyToRun in {clock.Elapsed.TotalSeconds:F0} s)");
        _entry = Path.Combine(output, Path.GetFileName(System.Reflection.Assembly.GetEntryAssembly()!.Location));
        return _entry;
    }

    /// <summary>This benchmark's project file, found from the build output up the source tree.</summary>
    private static string Project()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "StaffDataPipeline.Benchmark.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"StaffDataPipeline.Benchmark.csproj was not found above {AppContext.BaseDirectory}: run the benchmark from the repository (docs/benchmark.md).");
    }
}
