using System.Text.RegularExpressions;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Surveys;

/// <summary>Turns a cover sheet into a <see cref="SurveyReturnHeader"/>, or refuses the file saying which cell is wrong.</summary>
public static partial class SurveyCoverValidator
{
    public const string SupportedTemplateVersion = "1";
    private static readonly string[] OrganisationTypes = ["GLH", "GMSA", "GMC", "Clinical genetics department", "Other"];

    /// <summary>
    /// Validates the cover against what is known on <paramref name="today"/>: the organisation must be in the team's file
    /// or the imported ODS release, and the period must have begun (give or take a quarter) and not predate 2018. A
    /// warning would not do: the return would still become the organisation's latest in the views.
    /// </summary>
    public static SurveyReturnHeader Validate(SurveyCover cover, OrganisationCatalogue organisations, DateOnly today, string fileName)
    {
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(organisations);
        var code = cover.OrganisationCode?.Trim().ToUpperInvariant();
        if (code is null || !OdsCode().IsMatch(code))
        {
            throw Refuse(fileName, $"the organisation ODS code in {cover.Where(CoverField.OrganisationCode)} is {(code is null ? "missing" : $"'{code}', which is not a 3 to 5 character ODS code")}.");
        }

        var organisation = organisations.Resolve(code, cover.OrganisationName);
        if (!organisation.IsKnown)
        {
            throw UnknownOrganisation(cover, code, organisations, fileName);
        }

        if (!ReturnPeriod.TryParse(cover.ReturnPeriod, out var period, out var periodStart, out var periodEnd))
        {
            throw Refuse(fileName, $"the return period '{cover.ReturnPeriod}' in {cover.Where(CoverField.ReturnPeriod)} is not a quarter ('2024-25 Q2'), a financial year ('2024-25') or a month ('2024-09').");
        }

        if (ReturnPeriodWindow.IsInFuture(periodStart, today))
        {
            throw new FileRejectedException(
                "SURVEY_PERIOD_IN_FUTURE",
                $"{fileName}: the return period '{period}' in {cover.Where(CoverField.ReturnPeriod)} begins more than a quarter after today ({today:yyyy-MM-dd}), so it cannot have been counted yet; correct the period (returns up to one starting by {ReturnPeriodWindow.LatestStart(today):yyyy-MM-dd} are taken) and load the return again.");
        }

        if (ReturnPeriodWindow.IsTooEarly(periodEnd))
        {
            throw new FileRejectedException(
                "SURVEY_PERIOD_TOO_EARLY",
                $"{fileName}: the return period '{period}' in {cover.Where(CoverField.ReturnPeriod)} ended before {ReturnPeriodWindow.Earliest:yyyy}, before the Genomic Medicine Service returns began; correct the period (a typing error such as 2014 for 2024?) and load the return again.");
        }

        var area = ServiceAreas.Parse(cover.ServiceArea)
            ?? throw Refuse(fileName, $"the service area '{cover.ServiceArea}' in {cover.Where(CoverField.ServiceArea)} is not one of: Rare disease, Inherited cancer, Cancer (somatic).");
        var version = string.IsNullOrWhiteSpace(cover.TemplateVersion) ? SupportedTemplateVersion : cover.TemplateVersion.Trim().TrimStart('v', 'V');
        if (version.Split('.')[0] != SupportedTemplateVersion)
        {
            throw Refuse(fileName, $"the return uses template version '{cover.TemplateVersion}'; this program reads version {SupportedTemplateVersion}.");
        }

        var stated = OrganisationTypes.FirstOrDefault(t => string.Equals(t, cover.OrganisationType?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "Other";
        return new SurveyReturnHeader(organisation, stated, period, periodEnd, area, version);
    }

    private static FileRejectedException UnknownOrganisation(SurveyCover cover, string code, OrganisationCatalogue organisations, string fileName)
    {
        var where = cover.Where(CoverField.OrganisationCode);
        var likely = organisations.LookalikesOf(code, cover.OrganisationName);
        var message = likely.Count > 0
            ? $"{fileName}: the organisation ODS code '{code}' in {where} is not a known organisation; did you mean {string.Join(" or ", likely.Select(o => $"{o.Code} ({o.Name})"))}? Correct the code and load the return again."
            : $"{fileName}: the organisation ODS code '{code}' in {where} is not a known organisation (neither in reference-data/organisations.csv nor in the imported ODS release); correct the code, or add the organisation to organisations.csv (or import the current ODS release with `staffdata organisations import`) and load the return again.";
        return new FileRejectedException("SURVEY_UNKNOWN_ORGANISATION", message);
    }

    private static FileRejectedException Refuse(string fileName, string message) => new("SURVEY_COVER_INVALID", $"{fileName}: {message}");

    [GeneratedRegex("^[A-Z0-9]{3,5}$")]
    private static partial Regex OdsCode();
}
