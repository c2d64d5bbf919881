using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Jobs;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Loads;

/// <summary>
/// One recent file as the page and its JSON show it: what happened in a word, why in a sentence, what to do, the
/// figures, and where its report is. Built from the warehouse's batch row (or, for a file dropped again, from the job).
/// </summary>
public sealed record LoadOutcome(
    long? BatchId,
    string File,
    string Outcome,
    string? ReasonCode,
    string Reason,
    string WhatToDo,
    long RowsRead,
    long RowsLoaded,
    long RowsQuarantined,
    DateTimeOffset At,
    string? ReportUrl,
    string? ErrorsUrl)
{
    /// <summary>The organisation the file was about, where the warehouse knows one (see <see cref="RecentBatch.OrganisationCode"/>).</summary>
    public string? Organisation { get; init; }

    /// <summary>The period (return period, or ESR month as yyyy-MM), where known.</summary>
    public string? Period { get; init; }

    public static LoadOutcome Of(RecentBatch batch, FoundReport? report, string basePath)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var held = batch.Status == "rejected" && batch.ReasonCode == LoadOutcomeException.HeldReasonCode;
        var (outcome, reason, todo) = batch.Status switch
        {
            "loaded" when batch.RowsRejected > 0 => ("loaded", $"Loaded, but {batch.RowsRejected:N0} row(s) were quarantined (not loaded); the report lists them.", "Correct the quarantined rows and drop the whole corrected file into the inbox: it replaces this one."),
            "loaded" => ("loaded", "Loaded.", "Nothing."),
            "rejected" when held => ("held", batch.Message ?? "Held: far smaller than what it would replace.", ReasonCatalogue.WhatToDo(batch.ReasonCode)),
            "rejected" => ("rejected", batch.Message ?? "Rejected.", ReasonCatalogue.WhatToDo(batch.ReasonCode)),
            "failed" => ("failed", batch.Message ?? "Failed.", "Nothing in the file to correct: it failed for a reason outside it. A file in the inbox is tried again; a file loaded with staffdata load needs loading again once the reason is fixed."),
            "running" => ("loading", "Being loaded now.", "Wait for it to finish."),
            "withdrawn" => ("withdrawn", "Loaded, then withdrawn: its figures are out of every view (kept for audit); what it had replaced is current again. v_load_history says who withdrew it, when and why.", "Nothing, unless it was withdrawn by mistake: then load the same file again."),
            _ => (batch.Status, batch.Message ?? batch.Status, string.Empty),
        };
        var url = report is null ? null : $"{basePath}/{batch.BatchId}/report";
        return new LoadOutcome(
            batch.BatchId,
            batch.FileName,
            outcome,
            batch.ReasonCode,
            reason,
            todo,
            batch.RowsRead,
            batch.Status == "loaded" ? batch.RowsLoaded : 0, // a held or rejected batch counts what would have loaded: none did
            batch.RowsRejected,
            batch.FinishedAt ?? batch.StartedAt,
            url,
            report?.Errors is null ? null : $"{basePath}/{batch.BatchId}/errors")
        {
            Organisation = batch.OrganisationCode,
            Period = batch.Period,
        };
    }

    /// <summary>A file dropped into the inbox again whose exact bytes were loaded before: it leaves no batch row of its own.</summary>
    public static LoadOutcome AlreadyLoaded(InboxOutcome job, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new LoadOutcome(
            job.BatchId,
            job.File,
            "already loaded",
            null,
            $"These exact bytes were loaded before as batch {job.BatchId}; nothing new was loaded.",
            "Nothing. If the file was meant to change the figures, check it is the new export.",
            0,
            0,
            0,
            at,
            null,
            null);
    }
}
