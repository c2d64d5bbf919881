namespace StaffDataPipeline.Warehouse;

/// <summary>What a long-running service reports about its warehouse: reachable, when data last arrived, and what the latest loads did.</summary>
public interface IWarehouseHealth
{
    /// <summary>
    /// Opens the warehouse and reads the finish time of the latest loaded batch (null when nothing has loaded yet).
    /// Throws <see cref="WarehouseUnavailableException"/> or the provider's own error when the warehouse cannot be reached.
    /// </summary>
    Task<WarehouseHealth> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The latest <paramref name="count"/> batches, newest first, read-only: empty when the warehouse or its schema
    /// does not exist yet (asking never creates it).
    /// </summary>
    Task<IReadOnlyList<RecentBatch>> RecentBatchesAsync(int count, CancellationToken cancellationToken);
}

/// <summary>The answer of a probe: whether the schema exists yet, and the latest successful load.</summary>
public sealed record WarehouseHealth(bool SchemaExists, DateTimeOffset? LastSuccessfulLoad);
