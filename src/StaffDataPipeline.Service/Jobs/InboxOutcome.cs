namespace StaffDataPipeline.Service.Jobs;

/// <summary>What a job did with one dropped file. Kept small on purpose: it is stored in Hangfire's storage and shown on the dashboard.</summary>
public sealed record InboxOutcome(string File, string Outcome, string? ReasonCode, long? BatchId, long RowsLoaded, string? MovedTo, string Sentence);
