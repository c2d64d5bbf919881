using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Surveys;

/// <summary>The survey return vocabulary from reference-data/survey-aliases.csv: sheet names, cover labels, column headings.</summary>
public sealed class SurveyAliases
{
    private readonly Dictionary<string, SurveySheet> _sheets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CoverField> _cover = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SurveyField> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<SurveyField, List<string>> _columnAliases = [];

    public void AddSheet(string alias, SurveySheet sheet) => _sheets.TryAdd(HeaderName.Fold(alias), sheet);

    public void AddCover(string alias, CoverField field) => _cover.TryAdd(HeaderName.Fold(alias), field);

    public void AddColumn(string alias, SurveyField field)
    {
        if (_columns.TryAdd(HeaderName.Fold(alias), field))
        {
            (_columnAliases.TryGetValue(field, out var list) ? list : _columnAliases[field] = []).Add(alias);
        }
    }

    public SurveySheet? Sheet(string name) => _sheets.TryGetValue(HeaderName.Fold(name), out var s) ? s : null;

    public CoverField? Cover(string label) => _cover.TryGetValue(HeaderName.Fold(label), out var f) ? f : null;

    public SurveyField? Column(string heading) => _columns.TryGetValue(HeaderName.Fold(heading), out var f) ? f : null;

    public IReadOnlyList<string> AliasesOf(SurveyField field) => _columnAliases.TryGetValue(field, out var list) ? list : [];
}

/// <summary>The labelled values of the Cover sheet.</summary>
public enum CoverField
{
    OrganisationCode,
    OrganisationName,
    OrganisationType,
    ReturnPeriod,
    ServiceArea,
    TemplateVersion,
}
