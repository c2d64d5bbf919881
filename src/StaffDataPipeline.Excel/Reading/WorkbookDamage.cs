using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// A workbook can pass the guard and still be broken inside (XML cut short, a part that does not decompress, records
/// that point nowhere). Whatever the spreadsheet library throws on such a file becomes a rejection with a reason;
/// only faults of the environment (permissions, a vanished file, a disk error) stay what they are.
/// </summary>
internal static class WorkbookDamage
{
    public static bool IsDamage(Exception ex) => ex switch
    {
        FileRejectedException or SourceChangedException or OperationCanceledException or OutOfMemoryException => false,
        UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException => false,
        EndOfStreamException => true,
        IOException => false,
        _ => true,
    };

    public static FileRejectedException Rejection(SourceFile file, Exception ex) =>
        new("WORKBOOK_DAMAGED", $"{file.FileName}: the workbook is damaged inside and cannot be read ({ex.GetType().Name}). Open it in Excel or LibreOffice, save it again and resend it.");

    /// <summary>Enumerates, turning damage found part-way through into a rejection.</summary>
    public static IEnumerable<T> Guard<T>(SourceFile file, IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (IsDamage(ex))
            {
                throw Rejection(file, ex);
            }

            yield return e.Current;
        }
    }
}
