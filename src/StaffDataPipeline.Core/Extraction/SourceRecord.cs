using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Extraction;

/// <summary>One data row as text. Extractors never assign types: that happens once, in normalisation.</summary>
public interface ISourceRecord
{
    /// <summary>The 1-based row number a person would see when opening the file (header is row 1).</summary>
    long RowNumber { get; }

    /// <summary>
    /// Set when the row cannot be read field by field (more or fewer fields than the header): it is quarantined
    /// whole, so that no value lands in another field's place.
    /// </summary>
    RecordDefect? Defect { get; }

    /// <summary>The trimmed value of a field without control characters, or null when the file has no such column or the cell is blank.</summary>
    string? Field(EsrField field);
}

/// <summary>Why a row cannot be read at all. The message says what is wrong, never what the row holds.</summary>
public sealed record RecordDefect(string ReasonCode, string Message)
{
    /// <summary>
    /// Short and nearly empty, as the total, count and "End of Report" lines a report prints below its data are: when
    /// only such lines follow the last record, they are a footer, not records (see EsrStaffInPost).
    /// </summary>
    public bool MayBeFooter { get; init; }
}
