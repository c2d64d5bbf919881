namespace StaffDataPipeline.Benchmark;

/// <summary>
/// One benchmark at a time in its work folder. The children run the build each invocation publishes into that folder
/// (ChildBuild), so a second invocation from another checkout would replace the first's code under its loads, and two at
/// once would share the cores each one times. Held for the invocation; the operating system lets go if it dies.
/// </summary>
internal static class WorkFolderLock
{
    /// <summary>The held lock, or null (with the reason written out) when another invocation holds it.</summary>
    public static FileStream? Take(string work)
    {
        Directory.CreateDirectory(work);
        var path = Path.Combine(work, "benchmark.lock");
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux: a second opener fails at once.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            Console.Error.WriteLine($"Another benchmark is running with the work folder {work} (it holds {path}). Wait for it to finish: two at once would time each other's loads, and the second would replace the build the first one's loads run.");
            return null;
        }
    }
}
