namespace StaffDataPipeline.Surveys;

/// <summary>The cover sheet as written (text): who is returning, for which period and service area.</summary>
public sealed record SurveyCover(
    string? OrganisationCode,
    string? OrganisationName,
    string? OrganisationType,
    string? ReturnPeriod,
    string? ServiceArea,
    string? TemplateVersion)
{
    /// <summary>The sheet the cover was read from (normally "Cover").</summary>
    public string SheetName { get; init; } = "Cover";

    /// <summary>Where each value was found ("B4"), so that a refusal can name the cell to correct.</summary>
    public IReadOnlyDictionary<CoverField, string> Cells { get; init; } = new Dictionary<CoverField, string>();

    /// <summary>"cell B4 of the Cover sheet", or "the Cover sheet" when the reader did not say where.</summary>
    public string Where(CoverField field) =>
        Cells.TryGetValue(field, out var cell) ? $"cell {cell} of the {SheetName} sheet" : $"the {SheetName} sheet";
}
