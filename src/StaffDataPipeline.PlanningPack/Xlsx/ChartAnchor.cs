namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// Where a chart sits on the sheet: from a cell's top-left corner, a fixed size in pixels, turned into the two-cell
/// anchor Excel and LibreOffice both read (column widths are the writer's own, so the size comes out as asked).
/// </summary>
internal sealed record ChartAnchor(int FromColumn, int FromRow, int ToColumn, long ToColumnOffset, int ToRow, long ToRowOffset, string Name, string Description)
{
    /// <summary>Excel's default row height, 15 points, in pixels at 96 dpi.</summary>
    public const int RowPixels = 20;

    private const long EmuPerPixel = 9525;

    /// <summary>Columns and rows are 0-based here as in the drawing XML; <paramref name="widths"/> gives a column's width in characters.</summary>
    public static ChartAnchor Place(int fromColumn, int fromRow, int widthPixels, int heightPixels, Func<int, double> widths, string name, string description)
    {
        var column = fromColumn;
        var left = widthPixels;
        while (left > 0)
        {
            var columnPixels = ColumnPixels(widths(column));
            if (left < columnPixels)
            {
                break;
            }

            left -= columnPixels;
            column++;
        }

        var rows = heightPixels / RowPixels;
        var rowLeft = heightPixels % RowPixels;
        return new ChartAnchor(fromColumn, fromRow, column, left * EmuPerPixel, fromRow + rows, rowLeft * EmuPerPixel, name, description);
    }

    /// <summary>Pixels of a column <paramref name="width"/> characters wide in Calibri 11 (7 pixels a digit plus 5 of padding).</summary>
    public static int ColumnPixels(double width) => (int)Math.Truncate(((256 * width) + Math.Truncate(128.0 / 7)) / 256 * 7);
}
