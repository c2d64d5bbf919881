using StaffDataPipeline.Csv.Esr;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// A parallel CSV read raises the thread pool's minimum so that its workers start at once beside the pool thread that
/// waits for them (ThreadPoolHeadroom): one per core, the workers and the waiting thread. A minimum set higher by the
/// host is kept. The pool's minimum is one per process, and parallel loads in other tests raise it: this runs alone.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class ThreadPoolHeadroomTests
{
    [Fact]
    public void The_minimum_covers_the_cores_the_workers_and_the_waiting_thread_and_is_never_lowered()
    {
        ThreadPool.GetMinThreads(out var before, out var ports);
        try
        {
            ThreadPool.SetMinThreads(1, ports);
            ThreadPoolHeadroom.Ensure(3);
            ThreadPool.GetMinThreads(out var raised, out var portsAfter);
            Assert.Equal(Environment.ProcessorCount + 4, raised);
            Assert.Equal(ports, portsAfter);

            var high = Environment.ProcessorCount + 50;
            ThreadPool.SetMinThreads(high, ports);
            ThreadPoolHeadroom.Ensure(3);
            ThreadPool.GetMinThreads(out var kept, out _);
            Assert.Equal(high, kept);
        }
        finally
        {
            ThreadPool.SetMinThreads(before, ports);
        }
    }
}
