using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Headers;

/// <summary>
/// Two columns that mean one field (<see cref="HeaderMatch.DuplicateColumns"/>) are read only while they agree: at the
/// first row where they differ the file is refused as an ambiguous header, naming both columns and the row, never the
/// values. One check for every ESR source, so that the same report as CSV or as a workbook is refused alike.
/// </summary>
public sealed class DuplicateColumnCheck
{
    private readonly string _fileName;
    private readonly DuplicateColumn[] _duplicates;

    public DuplicateColumnCheck(string fileName, HeaderMatch header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _fileName = fileName;
        _duplicates = [.. header.DuplicateColumns];
    }

    /// <summary>False when the header has no two columns for one field, so a reader can skip the call per row.</summary>
    public bool IsNeeded => _duplicates.Length > 0;

    /// <summary>
    /// Compares the pairs on one row, given the row's cleaned cell text by column position (null when blank).
    /// Throws <see cref="FileRejectedException"/> (AMBIGUOUS_HEADER) at the first pair that disagrees.
    /// </summary>
    public void Check(long rowNumber, Func<int, string?> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        foreach (var duplicate in _duplicates)
        {
            if (!string.Equals(cell(duplicate.KeptColumn), cell(duplicate.OtherColumn), StringComparison.OrdinalIgnoreCase))
            {
                throw new FileRejectedException(
                    "AMBIGUOUS_HEADER",
                    $"{_fileName}: columns '{duplicate.KeptName}' and '{duplicate.OtherName}' both mean {RequiredFields.Display(duplicate.Field)} and disagree at row {rowNumber}, so it is not known which to load. Remove one of them and load the file again.");
            }
        }
    }
}
