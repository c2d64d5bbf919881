namespace StaffDataPipeline.Warehouse;

/// <summary>The batch that holds a file's bytes: loaded, or still running under a live owner.</summary>
public sealed record BatchOfFile(long BatchId, BatchStatus Status, string? Owner)
{
    public bool IsLoaded => Status == BatchStatus.Loaded;
}

public enum BatchStatus
{
    Running,
    Loaded,
    Rejected,
    Failed,
}
