using System.Data.Common;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Turns whatever went wrong with one file into its outcome: REJECTED when the content is at fault, FAILED when the
/// environment is (file system, warehouse), each with a reason code and one plain sentence. Messages come from our
/// own exceptions or from the runtime and drivers, which do not quote row values.
/// </summary>
internal static class FileFault
{
    public static (FileLoadStatus Status, string ReasonCode, string Message) Describe(Exception ex, string fileName) => ex switch
    {
        // A writer's buffer closed by the fault behind it (a bulk copy that failed): that fault is the reason.
        System.Threading.Channels.ChannelClosedException { InnerException: { } inner } => Describe(inner, fileName),
        FileRejectedException rejected => (FileLoadStatus.Rejected, rejected.ReasonCode, rejected.Message),
        SourceChangedException changed => (FileLoadStatus.Failed, "FILE_CHANGED", changed.Message),
        WarehouseUnavailableException warehouse => (FileLoadStatus.Failed, warehouse.ReasonCode, warehouse.Message),
        UnauthorizedAccessException => (FileLoadStatus.Failed, "FILE_UNREADABLE", $"{fileName} cannot be read: permission denied. Give the account that runs staffdata read access, then load it again."),
        FileNotFoundException or DirectoryNotFoundException => (FileLoadStatus.Failed, "FILE_MISSING", $"{fileName} was moved or deleted before it could be read."),
        IOException io => (FileLoadStatus.Failed, "FILE_IO_ERROR", $"{fileName} could not be read: {io.Message}"),
        DbException db => (FileLoadStatus.Failed, "WAREHOUSE_ERROR", $"The warehouse refused the load of {fileName} and it was rolled back: {db.Message}"),
        _ => (FileLoadStatus.Failed, "LOAD_FAILED", $"Loading {fileName} failed and was rolled back ({ex.GetType().Name}: {ex.Message})."),
    };

    /// <summary>A path named for loading that was not there when the paths were expanded: most likely mistyped.</summary>
    public static FileLoadReport NotFound(string path) => new(path, FileLoadStatus.Failed, new BatchCounts(), TimeSpan.Zero)
    {
        ReasonCode = "FILE_MISSING",
        Message = $"{path} does not exist: check the path and its spelling, or whether it was moved, then load it again.",
    };

    /// <summary>
    /// Content problems are the report's business; only faults of the environment are warnings in the log. The
    /// exception itself, with its stack trace, is logged at Information: shown with --verbose only.
    /// </summary>
    public static void Log(ILogger logger, string fileName, FileLoadStatus status, string reasonCode, Exception ex)
    {
        logger.Log(status == FileLoadStatus.Failed ? LogLevel.Warning : LogLevel.Information, "{File}: {Status} ({Code}): {Type}", fileName, status, reasonCode, ex.GetType().Name);
        logger.LogInformation(ex, "{File}: details of the fault", fileName);
    }
}
