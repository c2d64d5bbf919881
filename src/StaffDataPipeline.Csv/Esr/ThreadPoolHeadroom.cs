namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// Makes sure the thread pool starts the threads a parallel read needs at once. CsvHelper's ParallelEnumerate queues
/// its workers to the pool, and the thread that enumerates their results waits for them; a load is async, so that
/// thread is most often a pool thread itself. A pool whose minimum is one thread per core then has a thread short,
/// and a worker waits until the pool's starvation check adds one: in a profile of a national load the second worker
/// started a second late, one of two cores idle meanwhile (docs/benchmark.md). The minimum is only raised, never
/// lowered, and it is the number of threads the pool creates without delay when work waits, not a number it keeps busy.
/// </summary>
internal static class ThreadPoolHeadroom
{
    // Loads run side by side in the service: the minimum is read and raised under one lock, so that one load's raise
    // is not undone by another's smaller one.
    private static readonly Lock Raising = new();

    /// <param name="workers">The workers about to be queued; the caller, waiting for them, is counted besides.</param>
    public static void Ensure(int workers)
    {
        lock (Raising)
        {
            ThreadPool.GetMinThreads(out var minimum, out var completionPorts);
            var needed = Environment.ProcessorCount + workers + 1;
            if (minimum < needed)
            {
                ThreadPool.SetMinThreads(needed, completionPorts);
            }
        }
    }
}
