namespace StaffDataPipeline.Warehouse;

/// <summary>
/// Thrown by a warehouse when it finds, under its own lock, that the same bytes were loaded meanwhile, or are being
/// loaded by another live process: two loads of one file never both write, and neither fails on a constraint.
/// </summary>
public sealed class FileAlreadyTakenException : Exception
{
    public FileAlreadyTakenException(BatchOfFile batch)
        : base(batch.IsLoaded ? $"Already loaded as batch {batch.BatchId}." : $"Already being loaded (batch {batch.BatchId}) by another process.") => Batch = batch;

    public FileAlreadyTakenException()
        : this(new BatchOfFile(0, BatchStatus.Loaded, null))
    {
    }

    public FileAlreadyTakenException(string message)
        : base(message) => Batch = new BatchOfFile(0, BatchStatus.Loaded, null);

    public FileAlreadyTakenException(string message, Exception innerException)
        : base(message, innerException) => Batch = new BatchOfFile(0, BatchStatus.Loaded, null);

    public BatchOfFile Batch { get; }
}
