namespace StaffDataPipeline.Benchmark;

/// <summary>The machine's memory, for the benchmark's heading.</summary>
internal static class Memory
{
    public static string Total() =>
        File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GB RAM"
            : $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GB RAM";
}
