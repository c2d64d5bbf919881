namespace StaffDataPipeline.Pipeline;

/// <summary>The kinds of source the pipeline loads. A new kind is one <see cref="SourceKind{TFormat,TRow}"/> added here, its extractor and its writer in each warehouse.</summary>
public static class SourceKinds
{
    public static IReadOnlyList<SourceKind> Standard { get; } = [new EsrStaffInPost(), new SurveyReturns()];
}
