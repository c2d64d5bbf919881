using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Hosting.Reports;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// What the workforce team finds beside a rejected file: &lt;name&gt;.report.txt (what was wrong, where, what to do) and,
/// when rows were quarantined, &lt;name&gt;.errors.csv (sheet, row, column, reason; safe to open in Excel).
/// </summary>
public static class RejectionReport
{
    public const string ReportSuffix = ".report.txt";
    public const string ErrorsSuffix = ".errors.csv";

    private const int RowsInReport = 50;

    /// <summary>Writes the report (and the errors file) beside <paramref name="movedFile"/>; returns the report's path.</summary>
    public static string Write(string movedFile, FileLoadReport report, DateTimeOffset checkedAt)
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
            o.WriteLine($"{report.FileName} was not loaded: nothing from it is in the warehouse.");
            o.WriteLine($"Checked: {checkedAt:yyyy-MM-dd HH:mm} (server time)");
            o.WriteLine();
            o.WriteLine($"Why: {report.ReasonCode ?? "REJECTED"}. {report.Message}");
            o.WriteLine();
            o.WriteLine($"What to do: {RejectionAdvice.For(report.ReasonCode)}");
            if (errors is not null)
            {
                o.WriteLine();
                o.WriteLine($"The rows with problems ({report.Rejections.Count:N0}{(report.Counts.Rejected > report.Rejections.Count ? $" of {report.Counts.Rejected:N0}" : string.Empty)}) are listed in {Path.GetFileName(errors)}, with their sheet, row, column and reason.");
            }

            o.WriteLine();
            o.WriteLine("Details:");
            LoadReportPrinter.Print(o, [report], dryRun: false, RowsInReport);
            o.WriteLine();
            o.WriteLine("This file stays in this folder for reference; the inbox does not take it again. Drop the corrected file into the inbox.");
            return 0;
        });
        return path;
    }
}
