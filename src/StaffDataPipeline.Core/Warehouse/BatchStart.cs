namespace StaffDataPipeline.Warehouse;

/// <summary>The audit facts known before the first row is read.</summary>
public sealed record BatchStart(string FileName, string Sha256, string Extractor, string TaxonomyVersion, DateTimeOffset StartedAt)
{
    /// <summary>The process running the batch, so that only batches of dead owners are failed at start-up.</summary>
    public BatchOwner Owner { get; init; } = BatchOwner.Current;

    /// <summary>The pseudonymisation key check, recorded with the warehouse's first data and compared at every commit.</summary>
    public string? KeyCheck { get; init; }

    /// <summary>For ESR files: whether people are keyed on the national identifier or a trust-local one (<see cref="People.PersonIdentifierKind"/>).</summary>
    public string? PersonIdentifier { get; init; }
}
