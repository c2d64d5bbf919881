namespace StaffDataPipeline.Warehouse;

/// <summary>The batch that holds a file's bytes: loaded, or still running under a live owner.</summary>
public sealed record BatchOfFile(long BatchId, BatchStatus Status, string? Owner)
{
    public bool IsLoaded => Status == BatchStatus.Loaded;

    /// <summary>The name the file had when this batch took it: a renamed copy is told which file it repeats.</summary>
    public string? FileName { get; init; }
}

/// <summary>A batch's state in the audit: running until it commits (loaded) or is abandoned (rejected for its content, failed for the environment).</summary>
public enum BatchStatus
{
    Running,
    Loaded,
    Rejected,
    Failed,
}

/// <summary>How a status is written in load_batch.status, by every warehouse alike (the views and routing read these words).</summary>
public static class BatchStatusText
{
    public static string Of(BatchStatus status) => status switch
    {
        BatchStatus.Running => "running",
        BatchStatus.Loaded => "loaded",
        BatchStatus.Rejected => "rejected",
        BatchStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a batch status."),
    };
}
