using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// One line of reference-data/mapping-rules.csv. Every condition that is set must hold; unset conditions match anything.
/// Place reads only the area of work and cost centre, where context also reads the title: a doctor is a clinical
/// geneticist when the place is a genetics service, not when the title names a "genomic medicine lead" in Oncology.
/// </summary>
public sealed record MappingRule(
    string RuleId,
    string RoleCode,
    Regex? Title,
    Regex? Context,
    Regex? Place,
    Regex? StaffGroup,
    Regex? OccupationCode,
    GradeSet? Grades,
    string SourceFile,
    int SourceLine)
{
    public bool PlaceHolds(string place) => Place is null || Place.IsMatch(place);

    public bool StaffGroupHolds(string staffGroup) => StaffGroup is null || StaffGroup.IsMatch(staffGroup);

    public bool OccupationCodeHolds(string occupationCode) => OccupationCode is null || OccupationCode.IsMatch(occupationCode);

    public bool GradeHolds(Grade grade) => Grades is null || Grades.Contains(grade);

    /// <summary>Whether every condition holds, condition by condition, saying which held and the first that did not.</summary>
    public (bool Matched, string Why) Explain(in PostDescription post)
    {
        var held = new List<string>();
        foreach (var (name, pattern, text) in new[] { ("title", Title, post.Title), ("context", Context, post.Context), ("place", Place, post.Place), ("staff group", StaffGroup, post.StaffGroup), ("occupation code", OccupationCode, post.OccupationCode) })
        {
            if (pattern is null)
            {
                continue;
            }

            if (!pattern.IsMatch(text))
            {
                return (false, $"{name} does not match '{pattern}'");
            }

            held.Add($"{name} matches '{pattern}'");
        }

        if (Grades is not null)
        {
            if (!Grades.Contains(post.Grade))
            {
                return (false, $"grade {post.Grade.Code} is not in '{Grades}'");
            }

            held.Add($"grade {post.Grade.Code} is in '{Grades}'");
        }

        return (true, string.Join("; ", held));
    }
}

/// <summary>
/// A post's descriptors folded once, ready for every rule to test. Place is the area of work and cost centre: where
/// the post is, which the scope exclusions and the rules' place conditions read.
/// </summary>
public readonly record struct PostDescription(string Title, string Context, string StaffGroup, string OccupationCode, Grade Grade)
{
    public string Place { get; init; } = string.Empty;
}
