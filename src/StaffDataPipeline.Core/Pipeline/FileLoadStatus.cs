namespace StaffDataPipeline.Pipeline;

public enum FileLoadStatus
{
    /// <summary>Committed as a new batch.</summary>
    Loaded,

    /// <summary>The same bytes were loaded before: nothing to do.</summary>
    AlreadyLoaded,

    /// <summary>Validated without writing (staffdata validate) and would load.</summary>
    Valid,

    /// <summary>Refused for a reason in the data (missing column, too many bad rows, no snapshot month).</summary>
    Rejected,

    /// <summary>The same bytes are being loaded right now by another process: this run left the file alone.</summary>
    BeingLoadedElsewhere,

    /// <summary>Not a return (a lock file, a partial download, a hidden file): listed with the reason, not read.</summary>
    Skipped,

    /// <summary>Something went wrong outside the data (I/O, database). Nothing of the file was kept.</summary>
    Failed,
}
