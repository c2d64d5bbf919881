using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Surveys;

/// <summary>A validated cover: the key a resubmission supersedes on is organisation, period label and service area.</summary>
public sealed record SurveyReturnHeader(
    Organisation Organisation,
    string OrganisationTypeStated,
    string ReturnPeriod,
    DateOnly PeriodEnd,
    string ServiceArea,
    string TemplateVersion);
