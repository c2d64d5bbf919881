using System.Runtime;

namespace StaffDataPipeline.Hosting;

/// <summary>
/// A command-line load (`load`, `validate`, `jobs run-job` run here) is a batch job in a process of its own, so the
/// garbage collector runs as for one: no background collection of the old generation beside the load. A background
/// collection sweeps in place while the load allocates on, and the gaps it left were several MB of a national load's
/// peak; a blocking one may compact them, and the loads measured took no longer (docs/benchmark.md, the memory goal).
/// The service (`serve`) keeps background collection: its dashboard answers people while jobs run.
/// </summary>
public static class BatchGarbageCollector
{
    public static void Use() => GCSettings.LatencyMode = GCLatencyMode.Batch;
}
