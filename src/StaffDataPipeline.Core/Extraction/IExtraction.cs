using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Extraction;

/// <summary>An opened source file: its header match and a forward-only stream of records.</summary>
public interface IExtraction : IDisposable
{
    HeaderMatch Header { get; }

    /// <summary>Streams the rows. The same record instance may be reused between iterations: copy what you keep.</summary>
    IEnumerable<ISourceRecord> Records();
}
