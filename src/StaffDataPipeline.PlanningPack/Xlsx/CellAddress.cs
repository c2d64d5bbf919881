using System.Globalization;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>A1 references and the sheet-qualified absolute ranges a chart's series formulas use.</summary>
internal static class CellAddress
{
    /// <summary>Column name of a 1-based column index: 1 → A, 27 → AA.</summary>
    public static string Column(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }

        return name;
    }

    public static string Of(int column, int row) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// 'Sheet name'!$B$5:$B$15 (or one cell when first and last are the same). The name is always quoted, with any
    /// apostrophe in it doubled, which Excel and LibreOffice accept for every sheet name.
    /// </summary>
    public static string Range(string sheet, int column, int firstRow, int lastColumn, int lastRow)
    {
        var quoted = "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!";
        var first = $"${Column(column)}${firstRow.ToString(CultureInfo.InvariantCulture)}";
        return column == lastColumn && firstRow == lastRow
            ? quoted + first
            : quoted + first + $":${Column(lastColumn)}${lastRow.ToString(CultureInfo.InvariantCulture)}";
    }
}
