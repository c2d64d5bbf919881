using System.Globalization;
using CsvHelper;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Csv.Writing;

/// <summary>The quarantined rows of one file, for the person who fixes them in Excel: where each is, and why.</summary>
public static class RejectedRowsCsv
{
    private static readonly string[] Columns = ["sheet", "row", "column", "reason_code", "reason"];

    public static int Write(string path, IReadOnlyList<RowRejection> rejections) => AtomicFile.Write(path, writer =>
    {
        ArgumentNullException.ThrowIfNull(rejections);
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var r in rejections)
        {
            string?[] cells = [r.Sheet, r.RowNumber.ToString(CultureInfo.InvariantCulture), r.Column, r.ReasonCode, r.Message];
            csv.WriteRecord(cells.Select(SpreadsheetSafe.Cell).ToArray());
        }

        return rejections.Count;
    });
}
