using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.Hosting.Packs;

/// <summary>What one pack file came to: where it is, which writer laid it out, its size.</summary>
public sealed record PackFileWritten(string Path, string Extension, int Sheets, long Bytes);

/// <summary>
/// Writes a planning pack to files with the <see cref="IPackWriter"/> registered for each file's extension. A file is
/// written to a temporary name beside it and renamed into place, so a half-written pack never appears.
/// </summary>
public sealed class PackFiles(IEnumerable<IPackWriter> writers)
{
    private readonly IReadOnlyList<IPackWriter> _writers = [.. writers];

    /// <summary>The extensions there are writers for (".html", ".xlsx"), in order.</summary>
    public IReadOnlyList<string> Extensions => [.. _writers.Select(w => w.Extension).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    /// <summary>Null when every path has a writer; otherwise one sentence naming the path and the extensions there are writers for.</summary>
    public string? MissingWriter(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (WriterFor(path) is null)
            {
                var known = Extensions;
                return $"{path}: no planning pack writer is registered for '{Path.GetExtension(path)}' files; "
                       + (known.Count == 0 ? "this build has no pack writers, so --pack and --html cannot be used yet." : $"use a file ending {string.Join(" or ", known)}.");
            }
        }

        return null;
    }

    /// <summary>Writes through <see cref="AtomicFile"/>: a temporary file in the same folder, renamed over the target (atomic on one volume).</summary>
    public PackFileWritten Write(PackDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        var writer = WriterFor(path) ?? throw new InvalidOperationException(MissingWriter([path]));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteBytes(full, stream => writer.Write(document, stream));
        return new PackFileWritten(full, writer.Extension, document.Sheets.Count, new FileInfo(full).Length);
    }

    private IPackWriter? WriterFor(string path) =>
        _writers.FirstOrDefault(w => string.Equals(w.Extension, Path.GetExtension(path), StringComparison.OrdinalIgnoreCase));
}
