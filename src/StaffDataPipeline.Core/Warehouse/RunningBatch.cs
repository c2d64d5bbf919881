namespace StaffDataPipeline.Warehouse;

/// <summary>
/// A batch a warehouse holds as 'running', with what decides whether its loader is still alive. The rule is Core's;
/// each adapter reads the rows, asks <see cref="IsAlive"/>, and fails the orphans with <see cref="ReasonCode"/> and
/// <see cref="Message"/> (its data transaction never committed, so nothing of it is kept).
/// </summary>
/// <param name="Owner">Who ran it; null when the audit row does not say (then it cannot be alive).</param>
/// <param name="HeartbeatAt">Its loader's last heartbeat, where the warehouse keeps them (SQL Server); null otherwise.</param>
public sealed record RunningBatch(long BatchId, BatchOwner? Owner, DateTimeOffset? HeartbeatAt)
{
    public const string ReasonCode = "INTERRUPTED";

    public const string Message = "The loading process stopped before the batch finished; nothing of it was kept.";

    /// <summary>
    /// Alive while its owner may still run. On this host that is known (the process with its id and start time runs).
    /// Another host's owner is taken for alive, unless the warehouse keeps heartbeats (<paramref name="heartbeatStaleAfter"/>
    /// given) and its last one is older than that: a host that crashed stops beating.
    /// </summary>
    public bool IsAlive(DateTimeOffset now, TimeSpan? heartbeatStaleAfter) =>
        Owner is { } owner && owner.MayStillBeRunning()
        && (owner.IsThisHost || heartbeatStaleAfter is not { } stale || (HeartbeatAt is { } beat && now - beat < stale));
}
