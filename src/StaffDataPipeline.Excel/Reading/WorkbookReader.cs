using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// Opens a workbook that <see cref="Safety.WorkbookGuard"/> passed with ExcelDataReader's forward-only reader (.xlsx and
/// .xls alike), turning what the library throws on an unreadable file into a refusal with a reason.
/// </summary>
internal static class WorkbookReader
{
    // Legacy .xls files name their code page; .NET has only a few without this provider.
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IExcelDataReader Open(SourceFile file)
    {
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        }
        catch (InvalidPasswordException)
        {
            stream.Dispose();
            throw new FileRejectedException("WORKBOOK_ENCRYPTED", $"{file.FileName}: the workbook is password-protected or encrypted. Ask the sender for an unprotected copy.");
        }
        catch (Exception ex) when (ex is HeaderException or ExcelReaderException or InvalidDataException or NotSupportedException)
        {
            stream.Dispose();
            throw new FileRejectedException("NOT_A_SPREADSHEET", $"{file.FileName}: the workbook cannot be read ({ex.GetType().Name}); it may be damaged.");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Whether the sheet the reader is on is shown to a person opening the file (hidden sheets are not read).</summary>
    public static bool IsVisible(IExcelDataReader reader) => string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase);
}
