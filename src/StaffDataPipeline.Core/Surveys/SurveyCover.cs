namespace StaffDataPipeline.Surveys;

/// <summary>The cover sheet as written (text): who is returning, for which period and service area.</summary>
public sealed record SurveyCover(
    string? OrganisationCode,
    string? OrganisationName,
    string? OrganisationType,
    string? ReturnPeriod,
    string? ServiceArea,
    string? TemplateVersion);
