namespace StaffDataPipeline.Excel.Template;

/// <summary>A return to write: the blank template is a spec with no lines. Messy options reproduce real returns.</summary>
public sealed record SurveyWorkbookSpec
{
    public static readonly string[] WorkforceHeadings = ["Role (taxonomy code or job title)", "Grade / band", "Headcount", "WTE in post", "Funded establishment WTE", "Vacant WTE", "Agency/locum WTE", "WTE in training"];
    public static readonly string[] DemandHeadings = ["Role (taxonomy code or job title)", "Grade / band", "Projected WTE needed in 5 years", "Projected WTE needed in 10 years", "Main driver"];
    public static readonly string[] CommentsHeadings = ["Question", "Answer"];

    public static readonly string[] Questions =
    [
        "What are your main recruitment difficulties?",
        "What affects retention in your service?",
        "Which skills gaps concern you most?",
        "What training capacity do you have, and what limits it?",
    ];

    public IReadOnlyList<(string Label, object? Value)> Cover { get; init; } =
    [
        ("Organisation ODS code", null), ("Organisation name", null), ("Organisation type", null),
        ("Return period", null), ("Service area", null), ("Template version", "1"),
    ];

    public IReadOnlyList<object?[]> Workforce { get; init; } = [];

    public IReadOnlyList<object?[]> Demand { get; init; } = [];

    public IReadOnlyList<object?[]> Comments { get; init; } = Questions.Select(q => new object?[] { q, null }).ToList();

    public string CoverSheetName { get; init; } = "Cover";

    public string WorkforceSheetName { get; init; } = "Workforce";

    public string DemandSheetName { get; init; } = "Demand";

    public string CommentsSheetName { get; init; } = "Comments";

    /// <summary>Title rows above each data sheet's header, with the title merged across the columns.</summary>
    public int BannerRows { get; init; }

    /// <summary>Empty columns to the left of every sheet's content, as when a return is laid out from column B or C.</summary>
    public int LeftMarginColumns { get; init; }

    /// <summary>Adds a "Total" row whose cells are SUM formulas (with cached values), as many returns do.</summary>
    public bool TotalRow { get; init; }

    public bool ReverseSheetOrder { get; init; }

    /// <summary>Dates are stored as serials counted from 1904 (old Mac Excel) instead of 1900.</summary>
    public bool Date1904 { get; init; }

    /// <summary>Adds a hidden sheet of lookup lists that must not be read as data.</summary>
    public bool HiddenLookupSheet { get; init; }
}
