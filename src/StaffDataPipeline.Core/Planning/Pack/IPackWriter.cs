namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// Lays a <see cref="PackDocument"/> out in one format (an Excel workbook with native charts, a self-contained HTML
/// page). A writer decides nothing about the figures; the same document and the same writer give the same bytes.
/// </summary>
public interface IPackWriter
{
    /// <summary>The file extension the writer produces, with its dot (".xlsx", ".html").</summary>
    string Extension { get; }

    void Write(PackDocument document, Stream destination);
}
