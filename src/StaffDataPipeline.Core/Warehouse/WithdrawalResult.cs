namespace StaffDataPipeline.Warehouse;

/// <summary>How a withdrawal ended.</summary>
public enum WithdrawalOutcome
{
    /// <summary>The batch left the views; what it had replaced is current again where nothing newer is.</summary>
    Withdrawn,

    /// <summary>No batch has that number.</summary>
    NotFound,

    /// <summary>The batch never reached the views (rejected, failed or still running): there is nothing to withdraw.</summary>
    NotLoaded,

    /// <summary>Withdrawn before; nothing changed.</summary>
    AlreadyWithdrawn,
}

/// <summary>One organisation and month (ESR) or one return (survey) that is current again, and the batch it comes from.</summary>
/// <param name="Scope">"R0A 2024-03" for a month, "R0A 2024-25 Q1 (Rare disease)" style for a return.</param>
public sealed record RestoredScope(string Scope, long BatchId, string FileName, long Rows);

/// <summary>
/// A month the withdrawn batch had superseded whose earlier facts cannot come back: they were removed by a version
/// that deleted superseded facts rather than keeping them. The earlier file must be loaded again.
/// </summary>
public sealed record UnrestorableScope(string Scope, long BatchId, string FileName);

/// <summary>What a withdrawal did, for the person who asked and for the log.</summary>
public sealed record WithdrawalResult(WithdrawalOutcome Outcome, long BatchId)
{
    public string FileName { get; init; } = "";

    /// <summary>The batch's status when asked ('rejected', 'failed', 'running', 'withdrawn', 'loaded').</summary>
    public string Status { get; init; } = "";

    /// <summary>Staff-in-post facts taken out of the views (kept, marked withdrawn).</summary>
    public long FactsWithdrawn { get; init; }

    /// <summary>Survey returns taken out of the views (kept, marked withdrawn).</summary>
    public long ReturnsWithdrawn { get; init; }

    public IReadOnlyList<RestoredScope> Restored { get; init; } = [];

    public IReadOnlyList<UnrestorableScope> Unrestorable { get; init; } = [];

    /// <summary>Organisations and months the batch held that nothing holds now (no earlier batch had them).</summary>
    public IReadOnlyList<string> Emptied { get; init; } = [];

    /// <summary>For <see cref="WithdrawalOutcome.AlreadyWithdrawn"/>: when, by whom and why it was.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    public string? WithdrawnBy { get; init; }

    public string? Reason { get; init; }
}
