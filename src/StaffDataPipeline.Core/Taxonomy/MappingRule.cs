using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// One line of reference-data/mapping-rules.csv. Every condition that is set must hold; unset conditions match anything.
/// </summary>
public sealed record MappingRule(
    string RuleId,
    string RoleCode,
    Regex? Title,
    Regex? Context,
    Regex? StaffGroup,
    Regex? OccupationCode,
    GradeSet? Grades,
    string SourceFile,
    int SourceLine)
{
    public bool Matches(in PostDescription post) =>
        (Title is null || Title.IsMatch(post.Title))
        && (Context is null || Context.IsMatch(post.Context))
        && (StaffGroup is null || StaffGroup.IsMatch(post.StaffGroup))
        && (OccupationCode is null || OccupationCode.IsMatch(post.OccupationCode))
        && (Grades is null || Grades.Contains(post.Grade));
}

/// <summary>A post's descriptors folded once, ready for every rule to test.</summary>
public readonly record struct PostDescription(string Title, string Context, string StaffGroup, string OccupationCode, Grade Grade);
