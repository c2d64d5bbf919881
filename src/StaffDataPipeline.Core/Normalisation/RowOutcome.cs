namespace StaffDataPipeline.Normalisation;

public enum RowOutcomeKind
{
    Loaded,
    OutOfScope,
    Excluded,
    Rejected,
}

/// <summary>What normalisation made of one row.</summary>
public readonly record struct RowOutcome(RowOutcomeKind Kind, StaffFact? Fact = null, RowRejection? Rejection = null)
{
    /// <summary>A rejected row that may be a footer line below the data (<see cref="Extraction.RecordDefect.MayBeFooter"/>).</summary>
    public bool MayBeFooter { get; init; }

    public static RowOutcome Excluded() => new(RowOutcomeKind.Excluded);

    public static RowOutcome OutOfScope() => new(RowOutcomeKind.OutOfScope);

    public static RowOutcome Rejected(RowRejection rejection) => new(RowOutcomeKind.Rejected, Rejection: rejection);

    public static RowOutcome Loaded(StaffFact fact) => new(RowOutcomeKind.Loaded, fact);
}
