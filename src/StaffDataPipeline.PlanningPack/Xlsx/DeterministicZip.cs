using System.IO.Compression;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// Rewrites a package so that the same content gives the same bytes: System.IO.Packaging stamps every zip entry with
/// the time it was written, so the entries are copied, in the package's own order, with one fixed time.
/// </summary>
internal static class DeterministicZip
{
    /// <summary>1980-01-01, the earliest time a zip entry can hold: plainly not a real time.</summary>
    private static readonly DateTimeOffset Fixed = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Copy(Stream package, Stream destination)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = Fixed;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
