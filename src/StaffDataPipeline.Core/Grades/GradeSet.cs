using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Grades;

/// <summary>
/// A set of grades written the way a person writes it in a rules file: "8c-9", "7", "6|7", "consultant", "str|st3-st8".
/// Ranges run over the grade sort order within one pay scale.
/// </summary>
public sealed class GradeSet
{
    private readonly HashSet<string> _codes;
    private readonly string _spec;

    private GradeSet(HashSet<string> codes, string spec)
    {
        _codes = codes;
        _spec = spec;
    }

    public static GradeSet Parse(string spec, GradeCatalogue catalogue)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in spec.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = token.IndexOf('-', StringComparison.Ordinal);
            var asCode = catalogue.ByCode(token);
            if (asCode is not null)
            {
                codes.Add(asCode.Code);
            }
            else if (dash > 0)
            {
                var from = ParseOne(token[..dash], catalogue, spec);
                var to = ParseOne(token[(dash + 1)..], catalogue, spec);
                if (from.PayScale != to.PayScale || from.SortOrder > to.SortOrder)
                {
                    throw new FormatException($"grade range '{token}' must run low to high within one pay scale");
                }

                foreach (var g in catalogue.All.Where(g => g.PayScale == from.PayScale && g.SortOrder >= from.SortOrder && g.SortOrder <= to.SortOrder))
                {
                    codes.Add(g.Code);
                }
            }
            else
            {
                codes.Add(ParseOne(token, catalogue, spec).Code);
            }
        }

        return new GradeSet(codes, spec);
    }

    public bool Contains(Grade grade) => _codes.Contains(grade.Code);

    /// <summary>The set as the rules file wrote it.</summary>
    public override string ToString() => _spec;

    private static Grade ParseOne(string text, GradeCatalogue catalogue, string spec)
    {
        var grade = catalogue.Parse(text);
        return grade.Code == Grade.UnknownCode && TitleText.Fold(text) != "unknown"
            ? throw new FormatException($"'{text}' in grade '{spec}' is not a known grade")
            : grade;
    }
}
