namespace StaffDataPipeline.Pipeline;

/// <summary>
/// The files of one run, expanded from the paths given, with the first one's inspection (its hash: a third of a second
/// for a national extract) already under way. A host starts the run before it composes the pipeline, so that the hash
/// is taken while the reference data is read and the warehouse migrated, not after them (<see cref="FirstInspection"/>).
/// Disposing it leaves an inspection no load took to end on its own.
/// </summary>
public sealed class LoadRun : IDisposable
{
    private LoadRun(IReadOnlyList<SourceEntry> entries)
    {
        Entries = entries;
        FirstInspection = FirstInspection.Start(entries);
    }

    internal IReadOnlyList<SourceEntry> Entries { get; }

    internal FirstInspection FirstInspection { get; }

    /// <summary>Expands the files and folders given (<see cref="SourcePaths.Expand"/>) and starts reading the first file.</summary>
    public static LoadRun Start(IEnumerable<string> paths) => new(SourcePaths.Expand(paths));

    public void Dispose() => FirstInspection.Forget();
}
