using System.Globalization;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// A cell as text, whatever Excel stored: numbers in the invariant culture, dates as ISO, formulas by their cached
/// value (which is what ExcelDataReader returns), blanks as null.
/// </summary>
internal static class CellText
{
    public static string? Of(object? value) => value switch
    {
        null or DBNull => null,
        string s => StoredText.Clean(s).Trim() is { Length: > 0 } t ? t : null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
