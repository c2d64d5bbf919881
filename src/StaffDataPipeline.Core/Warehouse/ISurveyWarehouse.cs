using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Warehouse;

/// <summary>The survey side of a warehouse: each return is one batch, as each ESR file is.</summary>
public interface ISurveyWarehouse
{
    Task<ISurveyBatchWriter> BeginSurveyBatchAsync(BatchStart start, SurveyReturnHeader header, CancellationToken cancellationToken);
}

/// <summary>One return's lines on their way in; nothing is visible until <see cref="CommitAsync"/>.</summary>
public interface ISurveyBatchWriter : IAsyncDisposable
{
    long BatchId { get; }

    ValueTask AddAsync(SurveyLine line, CancellationToken cancellationToken);

    /// <summary>Before commit: the workforce and demand lines of this return and of each current return it would supersede.</summary>
    Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken);

    /// <summary>Supersedes an earlier return for the same organisation, period and service area; records warnings; commits.</summary>
    Task<CommitResult> CommitAsync(BatchSummary summary, IReadOnlyList<SurveyWarning> warnings, CancellationToken cancellationToken);

    Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken);
}
