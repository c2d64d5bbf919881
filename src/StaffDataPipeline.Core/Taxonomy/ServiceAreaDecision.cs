namespace StaffDataPipeline.Taxonomy;

/// <summary>The service area of a post (a code of <see cref="Surveys.ServiceAreas"/>) and the rule of service-area-rules.csv that gave it.</summary>
public sealed record ServiceAreaDecision(string ServiceAreaCode, string RuleId)
{
    /// <summary>The rule recorded when no line of service-area-rules.csv names the post's place.</summary>
    public const string DefaultRule = "DEFAULT-UNSPECIFIED";

    public static ServiceAreaDecision Unspecified { get; } = new(Surveys.ServiceAreas.Unspecified, DefaultRule);
}
