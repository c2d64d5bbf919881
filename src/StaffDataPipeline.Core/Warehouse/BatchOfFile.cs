namespace StaffDataPipeline.Warehouse;

/// <summary>The batch that holds a file's bytes: loaded, or still running under a live owner.</summary>
public sealed record BatchOfFile(long BatchId, BatchStatus Status, string? Owner)
{
    public bool IsLoaded => Status == BatchStatus.Loaded;
}

/// <summary>A batch's state in the audit: running until it commits (loaded) or is abandoned (rejected for its content, failed for the environment).</summary>
public enum BatchStatus
{
    Running,
    Loaded,
    Rejected,
    Failed,
}
