using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// One line of reference-data/service-area-rules.csv: a place (area of work and cost centre, read as the scope
/// exclusions read them) that gives a post its service area. Every condition filled in must hold; blank ones match.
/// </summary>
public sealed record ServiceAreaRule(
    string RuleId,
    string ServiceAreaCode,
    Regex? Place,
    Regex? AreaOfWork,
    Regex? CostCentre,
    string Notes,
    string SourceFile,
    int SourceLine)
{
    /// <summary>Whether every condition filled in holds: what <see cref="Explain"/> decides, without the words.</summary>
    public bool Holds(string place, string areaOfWork, string costCentre) =>
        (Place is null || Place.IsMatch(place)) && (AreaOfWork is null || AreaOfWork.IsMatch(areaOfWork)) && (CostCentre is null || CostCentre.IsMatch(costCentre));

    /// <summary>Whether the rule gives the post its service area, saying why in words (for `staffdata explain`).</summary>
    public (bool Matched, string Why) Explain(string place, string areaOfWork, string costCentre)
    {
        var reasons = new List<string>();
        foreach (var (pattern, text, name) in new[] { (Place, place, "place"), (AreaOfWork, areaOfWork, "area of work"), (CostCentre, costCentre, "cost centre") })
        {
            if (pattern is null)
            {
                continue;
            }

            if (!pattern.IsMatch(text))
            {
                return (false, $"{name} does not match '{pattern}'");
            }

            reasons.Add($"{name} matches '{pattern}'");
        }

        return (true, string.Join("; ", reasons));
    }
}
