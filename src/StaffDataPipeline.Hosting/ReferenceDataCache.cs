using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Hosting;

/// <summary>
/// The reference data as the folder holds it now. Read again whenever a file in the folder has changed (name, size or
/// last-write time), so a rule edit takes effect at the next load without a restart; otherwise the set already read
/// is reused, with its compiled patterns and its mapping cache.
/// </summary>
public sealed class ReferenceDataCache
{
    private readonly string _folder;
    private readonly Lock _gate = new();
    private (string Stamp, ReferenceDataSet Set)? _current;

    public ReferenceDataCache(string folder) => _folder = folder;

    public ReferenceDataSet Current()
    {
        var stamp = Stamp();
        lock (_gate)
        {
            if (_current is { } current && current.Stamp == stamp)
            {
                return current.Set;
            }

            var set = ReferenceDataLoader.Load(_folder);
            _current = (stamp, set);
            return set;
        }
    }

    private string Stamp()
    {
        if (!Directory.Exists(_folder))
        {
            return string.Empty;
        }

        var files = new DirectoryInfo(_folder).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal);
        return string.Join('|', files.Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
    }
}
