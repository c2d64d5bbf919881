using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.Hosting.Packs;

/// <summary>
/// The folder packs are published to (Schedule:Outbox): one file per format and a manifest each, the newest
/// <see cref="Kept"/> packs kept. Files are written beside their final name and renamed into place, and the manifest
/// comes last, so a reader (the service's /packs page, someone copying the folder) never sees a half-written pack.
/// </summary>
public sealed partial class PackOutbox
{
    private const string ManifestSuffix = ".pack.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public PackOutbox(string folder, int kept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(kept, 1);
        Folder = Path.GetFullPath(folder);
        Kept = kept;
    }

    public string Folder { get; }

    public int Kept { get; }

    /// <summary>
    /// The pack's id: its data date and first run ("planning-pack-2025-03-31-run12"), so files sort by data date and
    /// two packs never share a name (a run id is used once).
    /// </summary>
    public static string IdOf(DateOnly dataAsOf, long firstRunId) =>
        string.Create(CultureInfo.InvariantCulture, $"planning-pack-{dataAsOf:yyyy-MM-dd}-run{firstRunId}");

    /// <summary>Writes the document in every format given, then its manifest; removes the oldest packs beyond <see cref="Kept"/>.</summary>
    public PackManifest Publish(PackDocument document, IReadOnlyList<IPackWriter> writers, DateTimeOffset builtAt, DateOnly dataAsOf, IReadOnlyList<string> scenarios, IReadOnlyList<long> runIds)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writers);
        if (runIds.Count == 0)
        {
            throw new ArgumentException("A pack comes from at least one plan run.", nameof(runIds));
        }

        Directory.CreateDirectory(Folder);
        var id = IdOf(dataAsOf, runIds[0]);
        var files = new List<PackFile>();
        foreach (var writer in writers)
        {
            var name = id + writer.Extension;
            var bytes = WriteAtomically(Path.Combine(Folder, name), s => writer.Write(document, s));
            files.Add(new PackFile(name, writer.Extension, bytes));
        }

        var manifest = new PackManifest(id, builtAt, dataAsOf, scenarios, runIds, files);
        WriteAtomically(Path.Combine(Folder, id + ManifestSuffix), s => JsonSerializer.Serialize(s, manifest, Json));
        Prune();
        return manifest;
    }

    /// <summary>The packs published here, newest first. A manifest that cannot be read, or whose files are gone, is left out.</summary>
    public IReadOnlyList<PackManifest> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var packs = new List<PackManifest>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + ManifestSuffix))
        {
            var manifest = Read(path);
            if (manifest is not null && manifest.Files.All(f => IsSafeName(f.Name) && File.Exists(Path.Combine(Folder, f.Name))))
            {
                packs.Add(manifest);
            }
        }

        return [.. packs.OrderByDescending(p => p.BuiltAt).ThenByDescending(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The full path of a file a listed pack names, or null: only names a manifest lists, in this folder, are served,
    /// so a crafted name (../, a path, a file dropped in the folder by hand) reaches nothing.
    /// </summary>
    public (string Path, PackFile File)? Find(string name)
    {
        if (!IsSafeName(name))
        {
            return null;
        }

        var file = List().SelectMany(p => p.Files).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
        return file is null ? null : (Path.Combine(Folder, file.Name), file);
    }

    private static bool IsSafeName(string name) => SafeName().IsMatch(name);

    private static PackManifest? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<PackManifest>(stream, Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    private void Prune()
    {
        foreach (var old in List().Skip(Kept))
        {
            // The manifest first: a pack stops being listed before its files go.
            File.Delete(Path.Combine(Folder, old.Id + ManifestSuffix));
            foreach (var file in old.Files)
            {
                File.Delete(Path.Combine(Folder, file.Name));
            }
        }
    }

    private static long WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long length;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
                length = stream.Length;
            }

            File.Move(temporary, path, overwrite: true);
            return length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    [GeneratedRegex(@"^planning-pack-[0-9]{4}-[0-9]{2}-[0-9]{2}-run[0-9]+\.[a-z]{3,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
