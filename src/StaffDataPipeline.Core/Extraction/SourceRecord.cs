using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Extraction;

/// <summary>One data row as text. Extractors never assign types: that happens once, in normalisation.</summary>
public interface ISourceRecord
{
    /// <summary>The 1-based row number a person would see when opening the file (header is row 1).</summary>
    long RowNumber { get; }

    /// <summary>The trimmed value of a field, or null when the file has no such column or the cell is blank.</summary>
    string? Field(EsrField field);
}
