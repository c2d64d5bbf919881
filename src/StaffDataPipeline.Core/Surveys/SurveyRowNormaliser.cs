using System.Text.RegularExpressions;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Surveys;

/// <summary>
/// Types one survey row. The consistency rules, as documented in README:
///   quarantined: a number that is not a number; a negative number; vacant WTE above funded establishment; a line with
///   figures but no role; a projection without a role.
///   warning (loaded, listed in survey_warning): WTE in post + vacant WTE differs from establishment by more than
///   1 WTE and 10% of the establishment.
///   quarantined: a figure whose cell holds a formula that was never calculated (unknown, not blank).
///   ignored and counted: total and sub-total rows, however worded ("Laboratory sub-total", "GRAND TOTAL", "Totals"),
///   in the role or the grade cell (their figures would double the cells); blank rows.
/// Nothing is ever "fixed".
/// </summary>
public sealed partial class SurveyRowNormaliser
{
    private const decimal GapTolerance = 1.0m;
    private const decimal GapShare = 0.10m;
    private readonly RoleMapper _mapper;

    public SurveyRowNormaliser(RoleMapper mapper) => _mapper = mapper;

    public SurveyRowOutcome Normalise(ISurveyRecord r) => r.Sheet switch
    {
        SurveySheet.Workforce => Workforce(r),
        SurveySheet.Demand => Demand(r),
        SurveySheet.Comments => Comment(r),
        _ => SurveyRowOutcome.Blank,
    };

    private SurveyRowOutcome Workforce(ISurveyRecord r)
    {
        SurveyField[] numbers = [SurveyField.Headcount, SurveyField.WteInPost, SurveyField.EstablishmentWte, SurveyField.VacantWte, SurveyField.AgencyLocumWte, SurveyField.TrainingWte];
        var role = r.Field(SurveyField.Role);
        if (role is null && r.Field(SurveyField.Grade) is null && numbers.All(f => r.Field(f) is null))
        {
            return SurveyRowOutcome.Blank;
        }

        if (IsTotal(r))
        {
            return SurveyRowOutcome.Total;
        }

        var values = new decimal?[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (Number(r, numbers[i], out values[i]) is { } bad)
            {
                return bad;
            }
        }

        if (role is null)
        {
            return Reject(r, SurveyField.Role, "SURVEY_ROLE_MISSING", "The line has figures but no role.");
        }

        if (Described(r, role) is { } tooLongWorkforce)
        {
            return tooLongWorkforce;
        }

        var (headcount, inPost, establishment, vacant, agency, training) = (values[0], values[1], values[2], values[3], values[4], values[5]);
        if (vacant is { } v && establishment is { } e && v > e)
        {
            // Figures of a return are aggregate counts of posts, not personal values: naming them helps the sender.
            return Reject(r, SurveyField.VacantWte, "SURVEY_VACANT_OVER_ESTABLISHMENT", $"Vacant WTE {v} is more than the funded establishment {e}.");
        }

        var decision = MapRole(role, r.Field(SurveyField.Grade));
        if (!decision.IsInScope)
        {
            return SurveyRowOutcome.OutOfScope;
        }

        SurveyWarning? warning = null;
        if (inPost is { } p && vacant is { } vac && establishment is { } est && Math.Abs(p + vac - est) > Math.Max(GapTolerance, est * GapShare))
        {
            warning = new SurveyWarning(r.SheetName, r.RowNumber, "SURVEY_ESTABLISHMENT_GAP", $"WTE in post {p} + vacant {vac} = {p + vac}, but the funded establishment is {est}.");
        }

        return SurveyRowOutcome.Lines([new WorkforceLine(r.SheetName, r.RowNumber, decision, decision.Grade, role, r.Field(SurveyField.Grade), headcount, inPost, establishment, vacant, agency, training)], warning);
    }

    private SurveyRowOutcome Demand(ISurveyRecord r)
    {
        var role = r.Field(SurveyField.Role);
        if (IsTotal(r))
        {
            return SurveyRowOutcome.Total;
        }

        if (Number(r, SurveyField.ProjectedWte5Years, out var five) is { } bad5)
        {
            return bad5;
        }

        if (Number(r, SurveyField.ProjectedWte10Years, out var ten) is { } bad10)
        {
            return bad10;
        }

        if (five is null && ten is null)
        {
            return role is null && r.Field(SurveyField.Driver) is null ? SurveyRowOutcome.Blank : Reject(r, SurveyField.ProjectedWte5Years, "SURVEY_PROJECTION_MISSING", "The line gives no projected WTE for 5 or 10 years.");
        }

        if (role is null)
        {
            return Reject(r, SurveyField.Role, "SURVEY_ROLE_MISSING", "The projection has no role.");
        }

        if ((Described(r, role) ?? Longer(r, SurveyField.Driver, r.Field(SurveyField.Driver), StoredLengths.SurveyDriver, "Shorten the driver to its main points.")) is { } tooLongDemand)
        {
            return tooLongDemand;
        }

        var decision = MapRole(role, r.Field(SurveyField.Grade));
        if (!decision.IsInScope)
        {
            return SurveyRowOutcome.OutOfScope;
        }

        var removedFromDriver = false;
        var driver = r.Field(SurveyField.Driver) is { } written ? People.IdentifyingText.Redact(written, out removedFromDriver) : null;
        var lines = new List<SurveyLine>();
        if (five is { } f)
        {
            lines.Add(new ProjectionLine(r.SheetName, r.RowNumber, decision, decision.Grade, role, r.Field(SurveyField.Grade), 5, f, driver));
        }

        if (ten is { } t)
        {
            lines.Add(new ProjectionLine(r.SheetName, r.RowNumber, decision, decision.Grade, role, r.Field(SurveyField.Grade), 10, t, driver));
        }

        return SurveyRowOutcome.Lines(lines, removedFromDriver ? IdentifyingRemoved(r) : null);
    }

    /// <summary>Said beside the return, never with the value: what was removed is what must not be repeated.</summary>
    private static SurveyWarning IdentifyingRemoved(ISurveyRecord r) => new(
        r.SheetName,
        r.RowNumber,
        "SURVEY_IDENTIFYING_TEXT_REMOVED",
        "The text held what looks like an NI or NHS number, a date, an e-mail address or a phone number; it was replaced by [removed] before storing. Returns must not identify people: names cannot be found this way, so check the text names nobody.");

    private static SurveyRowOutcome Comment(ISurveyRecord r)
    {
        var question = r.Field(SurveyField.Question);
        var answer = r.Field(SurveyField.Answer);
        if (question is null || answer is null)
        {
            return SurveyRowOutcome.Blank;
        }

        // The answer is kept whole (nvarchar(max)) but for what identifies a person; the question is a label and has a limit.
        var kept = People.IdentifyingText.Redact(answer, out var removed);
        return Longer(r, SurveyField.Question, question, StoredLengths.SurveyQuestion, "Shorten the question.")
            ?? SurveyRowOutcome.Lines([new CommentLine(r.SheetName, r.RowNumber, question, kept)], removed ? IdentifyingRemoved(r) : null);
    }

    private RoleDecision MapRole(string role, string? grade) => _mapper.MapSurveyRole(role, grade);

    private static SurveyRowOutcome? Number(ISurveyRecord r, SurveyField field, out decimal? value)
    {
        if (r.IsUncalculated(field))
        {
            value = null;
            return Reject(r, field, "SURVEY_FORMULA_NOT_CALCULATED", "The cell holds a formula that was never calculated, so its figure is unknown. Open the workbook in Excel or LibreOffice, save it (which calculates the formulas) and send it again.");
        }

        // The cell's text is not quoted: a name typed into a figure cell must not travel into messages.
        if (!SurveyNumbers.TryRead(r.Field(field), out value))
        {
            return Reject(r, field, "SURVEY_NOT_A_NUMBER", "The value is not a number (blank, n/a, - and N/K mean not given).");
        }

        if (value < 0)
        {
            return Reject(r, field, "SURVEY_NEGATIVE", "The figure is negative.");
        }

        return null;
    }

    /// <summary>Role and grade as written, which the warehouse keeps (<see cref="StoredLengths"/>): too long a value is quarantined, never quoted.</summary>
    private static SurveyRowOutcome? Described(ISurveyRecord r, string role) =>
        Longer(r, SurveyField.Role, role, StoredLengths.SurveyRole, "Shorten the role.")
        ?? Longer(r, SurveyField.Grade, r.Field(SurveyField.Grade), StoredLengths.SurveyGrade, "Correct the grade.");

    private static SurveyRowOutcome? Longer(ISurveyRecord r, SurveyField field, string? value, int limit, string advice) =>
        StoredLengths.Fits(value, limit) ? null : Reject(r, field, StoredLengths.ReasonCode, StoredLengths.Message(r.ColumnName(field), value!.Length, limit, advice));

    private static SurveyRowOutcome Reject(ISurveyRecord r, SurveyField field, string code, string message) =>
        SurveyRowOutcome.Rejected(new RowRejection(r.RowNumber, r.ColumnName(field), code, message) { Sheet = r.SheetName });

    private static bool IsTotal(ISurveyRecord r) =>
        (r.Field(SurveyField.Role) is { } role && TotalWord().IsMatch(role)) || (r.Field(SurveyField.Grade) is { } grade && TotalWord().IsMatch(grade));

    // The word anywhere in the label: "Total", "Totals", "Sub-total", "Sub total", "Subtotal", "Laboratory sub-total", "GRAND TOTAL", "Total WTE".
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(sub[\s-]?)?totals?(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalWord();
}
