using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>Whatever goes wrong with a file becomes its outcome, a reason code and one sentence naming the file.</summary>
public sealed class FileFaultTests
{
    public static TheoryData<Exception, FileLoadStatus, string> Faults() => new()
    {
        { new FileRejectedException("MISSING_COLUMN", "x.csv: no organisation column."), FileLoadStatus.Rejected, "MISSING_COLUMN" },
        { new SourceChangedException("x.csv"), FileLoadStatus.Failed, "FILE_CHANGED" },
        { new WarehouseUnavailableException(WarehouseUnavailableException.Busy, "busy"), FileLoadStatus.Failed, "WAREHOUSE_BUSY" },
        { new UnauthorizedAccessException("denied"), FileLoadStatus.Failed, "FILE_UNREADABLE" },
        { new FileNotFoundException("gone"), FileLoadStatus.Failed, "FILE_MISSING" },
        { new DirectoryNotFoundException("gone"), FileLoadStatus.Failed, "FILE_MISSING" },
        { new IOException("disk"), FileLoadStatus.Failed, "FILE_IO_ERROR" },
        { new SqliteException("SQLite Error 19: 'CHECK constraint failed'.", 19), FileLoadStatus.Failed, "WAREHOUSE_ERROR" },
        { new ChannelClosedException(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)), FileLoadStatus.Failed, "WAREHOUSE_ERROR" },
        { new InvalidOperationException("surprise"), FileLoadStatus.Failed, "LOAD_FAILED" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_has_its_outcome_and_reason_code(Exception fault, FileLoadStatus status, string code)
    {
        var (actualStatus, actualCode, message) = FileFault.Describe(fault, "x.csv");

        Assert.Equal((status, code), (actualStatus, actualCode));
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }
}
