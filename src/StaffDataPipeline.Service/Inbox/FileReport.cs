using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Hosting.Reports;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// What the workforce team finds beside a rejected file, or a loaded one some of whose rows were quarantined:
/// &lt;name&gt;.report.txt (what was wrong, where, what to do) and, when rows were quarantined, &lt;name&gt;.errors.csv
/// (sheet, row, column, reason; safe to open in Excel).
/// </summary>
public static class FileReport
{
    public const string ReportSuffix = ".report.txt";
    public const string ErrorsSuffix = ".errors.csv";

    private const int RowsInReport = 50;

    /// <summary>True when a loaded file still has something for the team to fix or check.</summary>
    public static bool IsWorthWriting(FileLoadReport report) =>
        report.Status == FileLoadStatus.Rejected || (report.Status == FileLoadStatus.Loaded && (report.Counts.Rejected > 0 || report.Warnings.Count > 0));

    /// <summary>The report's first sentence: whether the file loaded, as which batch, and how many rows were quarantined.</summary>
    public static string Headline(FileLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == FileLoadStatus.Rejected
            ? $"{report.FileName} was not loaded: nothing from it is in the warehouse."
            : report.Counts.Rejected == 0 && report.Warnings.Count == 0
                ? $"{report.FileName} was loaded as batch {report.BatchId} ({report.Counts.Loaded:N0} rows)."
                : $"{report.FileName} was loaded as batch {report.BatchId}, but {report.Counts.Rejected:N0} row(s) were quarantined (not loaded){(report.Warnings.Count > 0 ? $" and {report.Warnings.Count} line(s) have warnings" : string.Empty)}.";
    }

    /// <summary>Writes the report (and the errors file) beside <paramref name="movedFile"/>; returns the report's path.</summary>
    /// <param name="notice">A sentence the team must read first (a file taken although it looked incomplete), or null.</param>
    public static string Write(string movedFile, FileLoadReport report, DateTimeOffset checkedAt, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = report.Rejections.Count > 0 ? movedFile + ErrorsSuffix : null;
        if (errors is not null)
        {
            RejectedRowsCsv.Write(errors, report.Rejections);
        }

        var path = movedFile + ReportSuffix;
        AtomicFile.Write(path, o =>
        {
            var rejected = report.Status == FileLoadStatus.Rejected;
            o.WriteLine(Headline(report));
            if (notice is not null)
            {
                o.WriteLine(notice);
            }

            o.WriteLine($"Checked: {checkedAt:yyyy-MM-dd HH:mm} (server time)");
            o.WriteLine();
            if (rejected)
            {
                o.WriteLine($"Why: {report.ReasonCode ?? "REJECTED"}. {report.Message}");
                o.WriteLine();
                o.WriteLine($"What to do: {ReasonCatalogue.WhatToDo(report.ReasonCode)}");
            }
            else if (report.Counts.Rejected == 0 && report.Warnings.Count == 0)
            {
                o.WriteLine("What to do: nothing, if every row is there. If the file was cut short, drop the whole file into the inbox again: it replaces this one for the same organisation and month.");
            }
            else
            {
                o.WriteLine("What to do: the rest of the file is in the warehouse. To add the quarantined rows, correct them and drop the whole corrected file into the inbox: it replaces this one for the same organisation and month.");
            }

            if (errors is not null)
            {
                o.WriteLine();
                o.WriteLine($"The rows with problems ({report.Rejections.Count:N0}{(report.Counts.Rejected > report.Rejections.Count ? $" of {report.Counts.Rejected:N0}" : string.Empty)}) are listed in {Path.GetFileName(errors)}, with their sheet, row, column and reason.");
            }

            o.WriteLine();
            o.WriteLine("Details:");
            LoadReportPrinter.Print(o, [report], dryRun: false, RowsInReport);
            o.WriteLine();
            o.WriteLine(rejected
                ? "This file stays in this folder for reference; the inbox does not take it again. Drop the corrected file into the inbox."
                : "This file stays in this folder for reference.");
            return 0;
        });
        return path;
    }
}
