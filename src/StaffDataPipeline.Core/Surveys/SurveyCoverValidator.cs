using System.Text.RegularExpressions;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Surveys;

/// <summary>Turns a cover sheet into a <see cref="SurveyReturnHeader"/>, or refuses the file saying which cell is wrong.</summary>
public static partial class SurveyCoverValidator
{
    public const string SupportedTemplateVersion = "1";
    private static readonly string[] OrganisationTypes = ["GLH", "GMSA", "GMC", "Clinical genetics department", "Other"];

    public static SurveyReturnHeader Validate(SurveyCover cover, OrganisationCatalogue organisations, string fileName)
    {
        var code = cover.OrganisationCode?.Trim().ToUpperInvariant();
        if (code is null || !OdsCode().IsMatch(code))
        {
            throw Refuse(fileName, $"the Cover sheet's organisation ODS code is {(code is null ? "missing" : $"'{code}', which is not a 3 to 5 character ODS code")}.");
        }

        if (!ReturnPeriod.TryParse(cover.ReturnPeriod, out var period, out var periodEnd))
        {
            throw Refuse(fileName, $"the Cover sheet's return period '{cover.ReturnPeriod}' is not a quarter ('2024-25 Q2'), a financial year ('2024-25') or a month ('2024-09').");
        }

        var area = ServiceAreas.Parse(cover.ServiceArea)
            ?? throw Refuse(fileName, $"the Cover sheet's service area '{cover.ServiceArea}' is not one of: Rare disease, Inherited cancer, Cancer (somatic).");
        var version = string.IsNullOrWhiteSpace(cover.TemplateVersion) ? SupportedTemplateVersion : cover.TemplateVersion.Trim().TrimStart('v', 'V');
        if (version.Split('.')[0] != SupportedTemplateVersion)
        {
            throw Refuse(fileName, $"the return uses template version '{cover.TemplateVersion}'; this program reads version {SupportedTemplateVersion}.");
        }

        var stated = OrganisationTypes.FirstOrDefault(t => string.Equals(t, cover.OrganisationType?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "Other";
        return new SurveyReturnHeader(organisations.Resolve(code, cover.OrganisationName), stated, period, periodEnd, area, version);
    }

    private static FileRejectedException Refuse(string fileName, string message) => new("SURVEY_COVER_INVALID", $"{fileName}: {message}");

    [GeneratedRegex("^[A-Z0-9]{3,5}$")]
    private static partial Regex OdsCode();
}
