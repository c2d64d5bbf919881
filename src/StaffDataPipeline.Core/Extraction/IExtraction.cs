using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Extraction;

/// <summary>An opened source file: its header match and a forward-only stream of records.</summary>
public interface IExtraction : IDisposable
{
    HeaderMatch Header { get; }

    /// <summary>
    /// Whether the file's numbers may be written with a decimal comma ("0,6"), as Excel writes a semicolon-separated
    /// CSV under a European locale. Normalisation reads them so; everywhere else a comma is not a decimal separator.
    /// </summary>
    bool DecimalComma => false;

    /// <summary>Streams the rows. The same record instance may be reused between iterations: copy what you keep.</summary>
    IEnumerable<ISourceRecord> Records();
}
