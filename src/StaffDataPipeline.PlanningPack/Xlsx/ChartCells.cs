namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// Where a chart's figures sit on its sheet: the category labels in one column, each series' values in its own column
/// (names in the header row), and the band's height (P90 − P10) in a column of its own when the chart has a band.
/// The native chart's formulas point at exactly these cells.
/// </summary>
internal sealed record ChartCells(string Sheet, IReadOnlyList<string> CategoryLabels, int CategoryColumn, int HeaderRow, int FirstRow, int LastRow, IReadOnlyList<int> SeriesColumns, int? BandHeightColumn)
{
    public string Categories => CellAddress.Range(Sheet, CategoryColumn, FirstRow, CategoryColumn, LastRow);

    public string Name(int column) => CellAddress.Range(Sheet, column, HeaderRow, column, HeaderRow);

    public string Values(int column) => CellAddress.Range(Sheet, column, FirstRow, column, LastRow);
}
