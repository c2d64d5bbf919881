using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Service.Jobs;

/// <summary>
/// One take of an inbox file: the outcome when it loaded (or was loaded before), or the reason it did not (rejected,
/// held, or failed and tried again later), and the pipeline's report of the file when the load ran.
/// </summary>
public sealed record InboxTaken(InboxOutcome? Outcome, FileLoadReport? Report, LoadOutcomeException? NotLoaded);
