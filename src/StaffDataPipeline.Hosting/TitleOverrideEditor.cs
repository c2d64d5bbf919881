using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Hosting;

/// <summary>What setting or removing a title override did.</summary>
public enum OverrideChangeStatus
{
    /// <summary>The file was changed, the folder still loads, and the warehouse was remapped.</summary>
    Changed,

    /// <summary>Remove named a title with no override: nothing was changed.</summary>
    NotFound,

    /// <summary>The change would have left the reference data unloadable: the file was restored, nothing was changed.</summary>
    Invalid,

    /// <summary>The file was changed, but the warehouse could not be remapped (busy, unreachable): run `staffdata remap`.</summary>
    WrittenNotApplied,
}

/// <summary>The outcome of one change: a sentence for the person who asked, and the remap's figures when it ran.</summary>
public sealed record OverrideChange(OverrideChangeStatus Status, string Message, RemapResult? Remap);

/// <summary>
/// The one path by which an exact-title override is set or removed, for `staffdata override` and the service's review
/// page alike: rewrites that one line of title-overrides.csv, proves the whole folder still loads (restoring the file
/// if not), and remaps the warehouse with the rules as they now are, so the facts of that title change role at once.
/// Changes are made one at a time within a process: two people choosing at once must not interleave file and remap.
/// </summary>
public sealed class TitleOverrideEditor
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private readonly ReferenceDataLocation _location;
    private readonly IWarehouse _warehouse;
    private readonly IWarehouseReview _review;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _sameTitle;

    public TitleOverrideEditor(ReferenceDataLocation location, RoleMapper mapper, IWarehouse warehouse, IWarehouseReview review, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(mapper);
        _location = location;
        _warehouse = warehouse;
        _review = review;
        _time = time;

        // Which titles are the same is the rules' to say: case, spaces, punctuation and abbreviations do not matter.
        _sameTitle = mapper.NormaliseTitle;
    }

    public string FilePath => Path.Combine(_location.Folder, ReferenceDataLoader.TitleOverridesFile);

    /// <summary>Gives every post with this exact title this role (a role code from roles.csv, or OUT-OF-SCOPE).</summary>
    public Task<OverrideChange> SetAsync(string title, string roleCode, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(roleCode);
        var code = roleCode.Trim().ToUpperInvariant();
        return ChangeAsync(file =>
        {
            var replaced = TitleOverridesFile.Set(file, title, code, note ?? string.Empty, _sameTitle);
            return $"{(replaced ? "Changed" : "Added")} the override: '{title.Trim()}' is {code}.";
        }, title, cancellationToken);
    }

    /// <summary>Removes a title's override: the mapping rules decide it again (and it may return to the review queue).</summary>
    public Task<OverrideChange> RemoveAsync(string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(title);
        return ChangeAsync(file => TitleOverridesFile.Remove(file, title, _sameTitle)
            ? $"Removed the override of '{title.Trim()}': the mapping rules decide it again."
            : null, title, cancellationToken);
    }

    private async Task<OverrideChange> ChangeAsync(Func<string, string?> edit, string title, CancellationToken cancellationToken)
    {
        // The copy shipped next to the program is replaced by the next build or update: an edit there would be lost.
        if (_location.Writable().Problem is { } problem)
        {
            return new OverrideChange(OverrideChangeStatus.Invalid, problem, null);
        }

        await OneAtATime.WaitAsync(cancellationToken);
        FileStream? folderLock = null;
        try
        {
            // Another process (the service's page while someone runs `staffdata override`) edits the same file: a lock
            // file beside it makes the read-modify-write and its remap one at a time across processes too.
            folderLock = await TakeFolderLockAsync(cancellationToken);
            if (folderLock is null)
            {
                return new OverrideChange(OverrideChangeStatus.Invalid, $"Another change to {ReferenceDataLoader.TitleOverridesFile} is being made right now (by the service or another command); nothing was changed. Try again in a minute.", null);
            }

            var file = FilePath;
            var before = File.Exists(file) ? await File.ReadAllBytesAsync(file, cancellationToken) : null;
            string? done;
            ReferenceDataSet reference;
            try
            {
                done = edit(file);
                if (done is null)
                {
                    return new OverrideChange(OverrideChangeStatus.NotFound, $"'{title.Trim()}' has no override in {ReferenceDataLoader.TitleOverridesFile}; nothing was changed.", null);
                }

                reference = ReferenceDataLoader.Load(_location.Folder);
            }
            catch (Exception ex) when (ex is ReferenceDataException or FormatException)
            {
                Restore(file, before);
                return new OverrideChange(OverrideChangeStatus.Invalid, $"{ex.Message} Nothing was changed.", null);
            }

            RemapResult result;
            try
            {
                await _warehouse.MigrateAsync(cancellationToken);
                result = await new RoleRemapper(reference.Mapper, reference.ServiceAreas, _time).RemapAsync(_review, cancellationToken);
            }
            catch (Exception ex) when (ex is WarehouseUnavailableException or System.Data.Common.DbException or IOException or TimeoutException)
            {
                // The file is right and stays; only its application waits. Saying so keeps file and warehouse reconcilable.
                return new OverrideChange(OverrideChangeStatus.WrittenNotApplied, $"{done} The warehouse could not be remapped now ({ex.Message}); the change is saved in {ReferenceDataLoader.TitleOverridesFile} and takes effect at the next `staffdata remap` (run it once the warehouse answers).", null);
            }

            // Out-of-scope people are not kept at person level (data minimisation): the one change an undo cannot reverse.
            var warning = result.FactsRemovedAsOutOfScope > 0
                ? $" The {result.FactsRemovedAsOutOfScope:N0} fact(s) of posts now out of scope were deleted, not kept: removing this override later does not bring them back; to restore them, remove it, then withdraw the files' batches and load the files again."
                : string.Empty;
            return new OverrideChange(OverrideChangeStatus.Changed, done + warning, result);
        }
        finally
        {
            if (folderLock is not null)
            {
                await folderLock.DisposeAsync();
            }

            OneAtATime.Release();
        }
    }

    /// <summary>How long a change waits for another process's change to finish before it gives up.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    private async Task<FileStream?> TakeFolderLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(_location.Folder, ".title-overrides.lock");
        var deadline = _time.GetUtcNow() + LockWait;
        while (true)
        {
            try
            {
                // Exclusive among processes (.NET takes an advisory lock on Unix); deleted when released.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (_time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    private static void Restore(string file, byte[]? before)
    {
        if (before is null)
        {
            File.Delete(file);
        }
        else
        {
            File.WriteAllBytes(file, before);
        }
    }
}
