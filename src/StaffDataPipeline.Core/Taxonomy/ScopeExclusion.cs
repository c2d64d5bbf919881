using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// One line of reference-data/scope-exclusions.csv: a place (area of work or cost centre) or staff group whose posts
/// are not genomics workforce, whatever their title says, unless the place also names a genomics service. Tried
/// before the mapping rules, so that "Bioinformatician" in Medical Physics never reaches the bioinformatics rules.
/// </summary>
public sealed record ScopeExclusion(string ExclusionId, Regex? Place, Regex? StaffGroup, Regex? Unless, string Notes, string SourceFile, int SourceLine)
{
    /// <summary>The place condition: the place matches (or none is set) and does not also name a genomics service.</summary>
    public bool PlaceHolds(string place) => (Place is null || Place.IsMatch(place)) && (Unless is null || !Unless.IsMatch(place));

    public bool StaffGroupHolds(string staffGroup) => StaffGroup is null || StaffGroup.IsMatch(staffGroup);
}
