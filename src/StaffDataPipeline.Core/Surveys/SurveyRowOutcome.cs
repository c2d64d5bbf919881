using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Surveys;

public enum SurveyRowKind
{
    Lines,
    Blank,
    Total,
    OutOfScope,
    Rejected,
}

/// <summary>What normalisation made of one survey row.</summary>
public sealed record SurveyRowOutcome(SurveyRowKind Kind, IReadOnlyList<SurveyLine> Produced, SurveyWarning? Warning, RowRejection? Rejection)
{
    public static readonly SurveyRowOutcome Blank = new(SurveyRowKind.Blank, [], null, null);
    public static readonly SurveyRowOutcome Total = new(SurveyRowKind.Total, [], null, null);
    public static readonly SurveyRowOutcome OutOfScope = new(SurveyRowKind.OutOfScope, [], null, null);

    public static SurveyRowOutcome Lines(IReadOnlyList<SurveyLine> lines, SurveyWarning? warning) => new(SurveyRowKind.Lines, lines, warning, null);

    public static SurveyRowOutcome Rejected(RowRejection rejection) => new(SurveyRowKind.Rejected, [], null, rejection);
}
