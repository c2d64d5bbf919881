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

    /// <summary>
    /// Maps every record and returns the results in the records' order. An extraction may call <paramref name="map"/>
    /// on several threads at once, each call with a record of its own that is valid only during the call, so the map
    /// must be thread-safe and keep nothing of the record; an exception it throws reaches the caller after the results
    /// of the records before it. By default the records are mapped one at a time, on the caller's thread.
    /// </summary>
    IEnumerable<T> Map<T>(Func<ISourceRecord, T> map) => Records().Select(map);

    /// <summary>
    /// <see cref="Map{T}(Func{ISourceRecord, T})"/>, with the threads for the rest of the file decided from its first
    /// results (<see cref="ThreadsAfterSample"/>). An extraction that maps one record at a time ignores the question.
    /// </summary>
    IEnumerable<T> Map<T>(Func<ISourceRecord, T> map, ThreadsAfterSample threads) => Map(map);
}
