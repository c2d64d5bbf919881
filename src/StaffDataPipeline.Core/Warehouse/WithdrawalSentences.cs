using System.Globalization;

namespace StaffDataPipeline.Warehouse;

/// <summary>What a withdrawal did, in the sentences every host shows (command line, service, web page).</summary>
public static class WithdrawalSentences
{
    public static IReadOnlyList<string> Of(WithdrawalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var id = result.BatchId;
        return result.Outcome switch
        {
            WithdrawalOutcome.NotFound => [$"There is no batch {id}: v_load_history lists every batch with its number, file and outcome."],
            WithdrawalOutcome.NotLoaded => [$"Batch {id} ({result.FileName}) was not loaded ({result.Status}): it never reached the views, so there is nothing to withdraw."],
            WithdrawalOutcome.AlreadyWithdrawn =>
            [
                string.Create(CultureInfo.InvariantCulture, $"Batch {id} ({result.FileName}) was already withdrawn on {result.WithdrawnAt:yyyy-MM-dd HH:mm} UTC by {result.WithdrawnBy}: \"{result.Reason}\". Nothing changed."),
            ],
            _ => Withdrawn(result),
        };
    }

    private static List<string> Withdrawn(WithdrawalResult result)
    {
        var what = (result.FactsWithdrawn, result.ReturnsWithdrawn) switch
        {
            (> 0, > 0) => $"its {result.FactsWithdrawn} staff-in-post facts and its survey return left every view; they are",
            (_, > 0) => "its survey return left every view; it is",
            (> 0, _) => $"its {result.FactsWithdrawn} staff-in-post facts left every view; they are",
            _ => "nothing it loaded was in any view (superseded by later files, or no facts stored), so no view changes; it is",
        };
        var lines = new List<string>
        {
            $"Batch {result.BatchId} ({result.FileName}) is withdrawn: {what} kept for audit (v_load_history says who, when and why). Loading the same file again loads it as a new batch.",
        };
        lines.AddRange(result.Restored.Select(r => $"{r.Scope}: batch {r.BatchId} ({r.FileName}, {r.Rows} rows) is current again."));
        lines.AddRange(result.Unrestorable.Select(u =>
            $"{u.Scope}: nothing is current now. Batch {u.BatchId} ({u.FileName}) held this month before, but its facts were removed when it was superseded (before superseded facts were kept). To bring them back, withdraw batch {u.BatchId} too (none of its figures are in any view) and load {u.FileName} again."));
        lines.AddRange(result.Emptied.Select(scope => $"{scope}: no batch holds this month any more, so it has no figures in the views now."));

        return lines;
    }
}
