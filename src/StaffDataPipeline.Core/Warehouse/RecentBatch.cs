namespace StaffDataPipeline.Warehouse;

/// <summary>
/// One file's load as load_batch records it, whichever way it came (inbox, schedule, CLI): for the service's page of
/// recent outcomes. The status is the stored text ('loaded', 'rejected', 'failed', 'running', or a later one) so that
/// a status this build does not know is still shown. Figures and reasons only: a batch row holds no personal value.
/// </summary>
public sealed record RecentBatch(
    long BatchId,
    string FileName,
    string Sha256,
    string Extractor,
    string Status,
    string? ReasonCode,
    string? Message,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>
    /// The organisation the batch is about: a survey return's, or the one organisation of an ESR file's current facts;
    /// null when it has none (rejected, withdrawn or superseded) or covers several.
    /// </summary>
    public string? OrganisationCode { get; init; }

    /// <summary>The period: a return's period as normalised ('2024-25 Q2', '2024-09'), or an ESR file's month as yyyy-MM.</summary>
    public string? Period { get; init; }
}
