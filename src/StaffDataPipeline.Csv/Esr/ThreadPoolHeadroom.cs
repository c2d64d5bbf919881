namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// Makes sure the thread pool starts the threads a parallel read needs at once. CsvHelper's ParallelEnumerate queues
/// its workers to the pool, and the thread that enumerates their results waits for them; a load is async, so that
/// thread is most often a pool thread itself. A pool whose minimum is one thread per core then has a thread short,
/// and a worker waits for the pool's starvation check to add one (about half a second each): a national load ran on
/// one of two cores for its first second (docs/benchmark.md). The minimum is only raised, never lowered, and it is
/// the number of threads the pool creates without delay when work waits, not a number it keeps busy.
/// </summary>
internal static class ThreadPoolHeadroom
{
    /// <param name="workers">The workers about to be queued; the caller, waiting for them, is counted besides.</param>
    public static void Ensure(int workers)
    {
        ThreadPool.GetMinThreads(out var minimum, out var completionPorts);
        var needed = Environment.ProcessorCount + workers + 1;
        if (minimum < needed)
        {
            ThreadPool.SetMinThreads(needed, completionPorts);
        }
    }
}
