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
}
