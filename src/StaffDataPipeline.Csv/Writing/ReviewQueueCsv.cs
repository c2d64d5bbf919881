using System.Globalization;
using CsvHelper;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Csv.Writing;

/// <summary>`staffdata unmapped --export`: the review queue as a CSV the workforce team opens in Excel.</summary>
public static class ReviewQueueCsv
{
    private static readonly string[] Columns = ["position_title", "staff_group", "occupation_code", "area_of_work", "job_role", "row_count", "first_data", "last_data", "first_loaded", "last_loaded"];

    public static void Write(string path, IReadOnlyList<UnmappedTitle> titles) => AtomicFile.Write(path, writer =>
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var t in titles)
        {
            string?[] cells = [t.PositionTitle, t.StaffGroup, t.OccupationCode, t.AreaOfWork, t.JobRole, t.RowCount.ToString(CultureInfo.InvariantCulture), t.FirstData, t.LastData, t.FirstSeen, t.LastSeen];
            csv.WriteRecord(cells.Select(SpreadsheetSafe.Cell).ToArray());
        }

        return titles.Count;
    });
}
