namespace StaffDataPipeline.Planning;

/// <summary>
/// One training route (reference-data/training-pipelines.csv): trainees in <see cref="TraineeRole"/> train for
/// <see cref="Years"/> years, a share <see cref="AnnualAttrition"/> leaving in each year; of those who reach the end
/// <see cref="Completion"/> complete, and of those <see cref="TakePost"/> take a post in <see cref="QualifiedRole"/> in
/// the NHS genomics workforce, <see cref="StayWhereTrained"/> of them in the region, GLH or organisation where they
/// trained. <see cref="CommissionsPerYear"/> (national) replaces the observed starters when set. <see cref="Source"/>
/// names where the figures come from.
/// </summary>
public sealed record PlanningRoute(
    string Code,
    string Name,
    string TraineeRole,
    string QualifiedRole,
    int Years,
    double AnnualAttrition,
    double Completion,
    double TakePost,
    double StayWhereTrained,
    double? CommissionsPerYear,
    string Source)
{
    /// <summary>The share of starters who end up in a qualified post: (1 − attrition)^years × completion × take-post (× stay where trained below national).</summary>
    /// <summary>Grades a trainee on this route is on (trainee_grades), for a trainee role several routes share; empty: the role's default route.</summary>
    public IReadOnlyList<string> TraineeGrades { get; init; } = [];

    public double Yield(bool national) => Math.Pow(1 - AnnualAttrition, Years) * Completion * TakePost * (national ? 1 : StayWhereTrained);
}
