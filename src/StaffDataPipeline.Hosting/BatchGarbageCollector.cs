using System.Runtime;

namespace StaffDataPipeline.Hosting;

/// <summary>
/// A command-line load is a batch job in a process of its own, so the garbage collector runs as for one: no background
/// collection of the old generation beside the load. A background collection sweeps in place while the load allocates
/// on, and the gaps it leaves were up to a tenth of a national load's peak memory (docs/benchmark.md, "Memory"); a
/// blocking one compacts, and the load is no slower. The service (`serve`) keeps background collection: its dashboard
/// answers people while jobs run.
/// </summary>
public static class BatchGarbageCollector
{
    public static void Use() => GCSettings.LatencyMode = GCLatencyMode.Batch;
}
