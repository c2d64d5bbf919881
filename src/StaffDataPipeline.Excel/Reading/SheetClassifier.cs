using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>
/// Finds a data sheet's header row by content (banner and title rows above it are skipped) and decides what the
/// sheet is: by its name when the name is known, else by the columns its header row names.
/// </summary>
internal static class SheetClassifier
{
    /// <summary>How far down a sheet the header row is looked for.</summary>
    public const int HeaderSearchRows = 30;

    public static (SurveySheet Kind, int Row, Dictionary<SurveyField, int> Columns, Dictionary<SurveyField, string> Headings)? FindHeader(IReadOnlyList<string?[]> rows, SurveyAliases aliases, SurveySheet? byName)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var columns = new Dictionary<SurveyField, int>();
            var headings = new Dictionary<SurveyField, string>();
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } text && aliases.Column(text) is { } field && columns.TryAdd(field, c))
                {
                    headings[field] = text;
                }
            }

            var kind = KindOf(columns.Keys.ToHashSet());
            if (kind is not null && (byName is null || byName == kind))
            {
                return (kind.Value, r, columns, headings);
            }
        }

        return null;
    }

    private static SurveySheet? KindOf(HashSet<SurveyField> f)
    {
        if (f.Contains(SurveyField.Question) && f.Contains(SurveyField.Answer))
        {
            return SurveySheet.Comments;
        }

        if (f.Contains(SurveyField.Role) && (f.Contains(SurveyField.ProjectedWte5Years) || f.Contains(SurveyField.ProjectedWte10Years)))
        {
            return SurveySheet.Demand;
        }

        SurveyField[] workforce = [SurveyField.Headcount, SurveyField.WteInPost, SurveyField.EstablishmentWte, SurveyField.VacantWte];
        return f.Contains(SurveyField.Role) && workforce.Count(f.Contains) >= 2 ? SurveySheet.Workforce : null;
    }
}
