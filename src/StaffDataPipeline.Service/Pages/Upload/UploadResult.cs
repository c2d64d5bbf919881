using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Jobs;

namespace StaffDataPipeline.Service.Pages.Upload;

/// <summary>
/// What the page says of one uploaded file: the outcome in a word (loaded, already loaded, rejected, held, waiting,
/// refused), the report's sentence, why, what to do, the quarantined rows and the link to the report. Figures, codes,
/// sheet, row and column only: never a value from a row.
/// </summary>
internal sealed record UploadResult(
    string File,
    string Outcome,
    string Sentence,
    string? Why,
    string WhatToDo,
    long? BatchId,
    IReadOnlyList<RowRejection> Quarantined,
    long QuarantinedCount,
    string? ReportUrl)
{
    /// <summary>Refused before it was stored: nothing was kept and nothing loaded.</summary>
    public static UploadResult Refused(string file, string why) =>
        new(file, "refused", $"{file} was not stored or loaded.", why, "Correct what the reason says and send the file again.", null, [], 0, null);

    public static UploadResult Of(string file, InboxTaken taken, string loadsPath)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var report = taken.Report;
        var quarantined = report?.Rejections ?? [];
        var count = report?.Counts.Rejected ?? 0;
        var reportUrl = report is { BatchId: { } id } && FileReport.IsWorthWriting(report) ? $"{loadsPath}/{id}/report" : null;
        if (taken.Outcome is { } done)
        {
            if (report is null || done.Outcome.StartsWith("already loaded", StringComparison.Ordinal))
            {
                return new UploadResult(file, "already loaded", $"These exact bytes were loaded before as batch {done.BatchId}; nothing new was loaded.", null,
                    "Nothing. If the file was meant to change the figures, check it is the new export.", done.BatchId, [], 0, null);
            }

            var todo = count > 0 || report.Warnings.Count > 0
                ? "The rest of the file is in the warehouse. To add the quarantined rows, correct them and send the whole corrected file again: it replaces this one for the same organisation and month (or return)."
                : "Nothing.";
            return new UploadResult(file, "loaded", FileReport.Headline(report), null, todo, report.BatchId, quarantined, count, reportUrl);
        }

        if (report is { Status: FileLoadStatus.Rejected })
        {
            var held = report.ReasonCode == LoadOutcomeException.HeldReasonCode;
            var advice = ReasonCatalogue.WhatToDo(report.ReasonCode);
            if (held)
            {
                advice += " On this page, tick \"Load it even if it is far smaller than what it replaces\" and send it again.";
            }

            return new UploadResult(file, held ? "held" : "rejected", FileReport.Headline(report), $"{report.ReasonCode ?? "REJECTED"}. {report.Message}",
                advice, report.BatchId, quarantined, count, reportUrl);
        }

        // Failed for a reason outside the file (warehouse busy or unreachable): it is kept and tried again on its own.
        return new UploadResult(file, "waiting", $"{file} was not loaded yet.", taken.NotLoaded?.Message,
            "Nothing in the file to correct: it failed for a reason outside it and is tried again automatically. Its outcome will appear under What happened.", report?.BatchId, [], 0, null);
    }
}
