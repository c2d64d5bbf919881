namespace StaffDataPipeline.Excel.Reading;

/// <summary>A cell as people name it in Excel: row 4, column index 1 is "B4"; column index 27 is "AB".</summary>
internal static class CellAddress
{
    public static string Of(int row, int columnIndex)
    {
        var letters = string.Empty;
        for (var n = columnIndex + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
