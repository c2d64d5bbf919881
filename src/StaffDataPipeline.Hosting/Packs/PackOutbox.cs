using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StaffDataPipeline.Csv.Writing;
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

    /// <summary>Writes the document in every format there is a writer for, then its manifest; removes the oldest packs beyond <see cref="Kept"/>.</summary>
    public PackManifest Publish(PackDocument document, PackFiles packs, DateTimeOffset builtAt, DateOnly dataAsOf, IReadOnlyList<string> scenarios, IReadOnlyList<long> runIds)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(packs);
        if (runIds.Count == 0)
        {
            throw new ArgumentException("A pack comes from at least one plan run.", nameof(runIds));
        }

        Directory.CreateDirectory(Folder);
        var id = IdOf(dataAsOf, runIds[0]);
        var files = packs.Extensions
            .Select(extension => packs.Write(document, Path.Combine(Folder, id + extension)))
            .Select(written => new PackFile(Path.GetFileName(written.Path), written.Extension, written.Bytes))
            .ToList();
        var manifest = new PackManifest(id, builtAt, dataAsOf, scenarios, runIds, files);
        AtomicFile.Write(Path.Combine(Folder, id + ManifestSuffix), writer =>
        {
            writer.Write(JsonSerializer.Serialize(manifest, Json));
            return 0;
        });
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
            // A manifest names its own file (its Id) and files of the same pack only: pruning deletes by those names.
            if (manifest is not null && string.Equals(manifest.Id + ManifestSuffix, Path.GetFileName(path), StringComparison.Ordinal) && IsSafeName(manifest.Id + ".json")
                && manifest.Files.All(f => IsSafeName(f.Name) && f.Name.StartsWith(manifest.Id + ".", StringComparison.Ordinal) && File.Exists(Path.Combine(Folder, f.Name))))
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

    [GeneratedRegex(@"^planning-pack-[0-9]{4}-[0-9]{2}-[0-9]{2}-run[0-9]+\.[a-z]{3,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
