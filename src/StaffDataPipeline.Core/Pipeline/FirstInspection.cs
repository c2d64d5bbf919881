using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// The inspection (hash, length, encoding) of a run's first file, started before the run's own start-up so that the two
/// overlap. Only that file's load takes it, once; every other file is inspected when its turn comes, so a file is never
/// read long before it is loaded. A run that ends without taking it (a key that does not match the warehouse, a
/// warehouse that cannot be opened, a cancelled run) leaves it to finish and observes its failure, if any.
/// </summary>
internal sealed class FirstInspection
{
    private readonly SourceEntry? _entry;
    private Task<SourceFile>? _inspection;

    private FirstInspection(SourceEntry? entry, Task<SourceFile>? inspection)
    {
        _entry = entry;
        _inspection = inspection;
    }

    public static FirstInspection Start(IReadOnlyList<SourceEntry> entries)
    {
        // A path that is not there is reported without being read, so the first file to read is the one after it.
        var first = entries.FirstOrDefault(e => e.IsToRead);
        return new(first, first is null ? null : Task.Run(() => SourceFileReader.Inspect(first.Path)));
    }

    /// <summary>The inspection under way for <paramref name="entry"/>, or null when the entry is not the run's first file.</summary>
    public Task<SourceFile>? Take(SourceEntry entry)
    {
        if (!ReferenceEquals(entry, _entry))
        {
            return null;
        }

        var inspection = _inspection;
        _inspection = null;
        return inspection;
    }

    /// <summary>Leaves an inspection nobody took to end on its own; a failure of it is observed, not raised.</summary>
    public void Forget()
    {
        _inspection?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _inspection = null;
    }
}
