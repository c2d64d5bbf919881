using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Hosting;

/// <summary>What one pack file came to: where it is, which writer laid it out, its size.</summary>
public sealed record PackFileWritten(string Path, string Extension, int Sheets, long Bytes);

/// <summary>
/// Builds the planning pack from plan runs (<see cref="PlanningPackBuilder"/>, with the pack's facts read once through
/// <see cref="IPackSource"/>) and hands it to the <see cref="IPackWriter"/> registered for each file's extension. A
/// file is written to a temporary name beside it and renamed into place, so a half-written pack never appears.
/// </summary>
public sealed class PlanningPackService(IPackSource source, IEnumerable<IPackWriter> writers, ReferenceDataSet data)
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
                var known = _writers.Select(w => w.Extension).Order(StringComparer.Ordinal).ToList();
                return $"{path}: no planning pack writer is registered for '{Path.GetExtension(path)}' files; "
                       + (known.Count == 0 ? "this build has no pack writers, so --pack and --html cannot be used yet." : $"use a file ending {string.Join(" or ", known)}.");
            }
        }

        return null;
    }

    public async Task<PackDocument> BuildAsync(IReadOnlyList<PlanRecord> runs, PlanningInputs inputs, CancellationToken cancellationToken)
    {
        var facts = await source.ReadAsync(cancellationToken);
        return new PlanningPackBuilder(data.PlanningAssumptions, data.Taxonomy, new PlanningGeography(data.Organisations.All)).Build(runs, inputs, facts);
    }

    /// <summary>Builds the pack once and writes it to every path (each with the writer for its extension).</summary>
    public async Task<IReadOnlyList<PackFileWritten>> WriteAsync(IReadOnlyList<PlanRecord> runs, PlanningInputs inputs, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (MissingWriter(paths) is { } message)
        {
            throw new InvalidOperationException(message);
        }

        var document = await BuildAsync(runs, inputs, cancellationToken);
        return [.. paths.Select(p => Write(document, p))];
    }

    /// <summary>Writes to a temporary file in the same folder, then renames it over the target (atomic on one volume).</summary>
    public PackFileWritten Write(PackDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        var writer = WriterFor(path) ?? throw new InvalidOperationException(MissingWriter([path]));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writer.Write(document, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return new PackFileWritten(full, writer.Extension, document.Sheets.Count, new FileInfo(full).Length);
    }

    private IPackWriter? WriterFor(string path) =>
        _writers.FirstOrDefault(w => string.Equals(w.Extension, Path.GetExtension(path), StringComparison.OrdinalIgnoreCase));
}
