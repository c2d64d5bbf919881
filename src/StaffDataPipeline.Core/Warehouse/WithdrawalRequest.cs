namespace StaffDataPipeline.Warehouse;

/// <summary>What to withdraw, why, and who asked: the reason and the name are kept in the audit for good.</summary>
public sealed record WithdrawalRequest(long BatchId, string Reason, string WithdrawnBy)
{
    /// <summary>Long enough for a sentence and a ticket reference; the audit column holds this much on every provider.</summary>
    public const int MaxReasonLength = 1000;

    public const int MaxNameLength = 128;

    /// <summary>Null when the request can be applied, else the sentence saying what to change.</summary>
    public string? Problem()
    {
        if (BatchId <= 0)
        {
            return $"The batch number must be a positive whole number (got {BatchId}); 'staffdata' prints it after each load and v_load_history lists them.";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            return "Say why the batch is withdrawn with --reason \"…\" (for example --reason \"RQ3 return for the wrong quarter, resent as batch 212\"); the reason is kept with the batch for anyone who later asks why its figures left the views.";
        }

        if (Reason.Length > MaxReasonLength)
        {
            return $"The reason is {Reason.Length} characters; keep it to {MaxReasonLength} (a sentence and a reference to where the detail is).";
        }

        if (string.IsNullOrWhiteSpace(WithdrawnBy) || WithdrawnBy.Length > MaxNameLength)
        {
            return $"Say who withdraws the batch with --by (1 to {MaxNameLength} characters).";
        }

        return null;
    }
}
