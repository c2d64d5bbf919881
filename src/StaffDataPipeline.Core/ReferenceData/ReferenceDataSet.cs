using StaffDataPipeline.Grades;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.ReferenceData;

/// <summary>Everything the workforce team maintains as files, loaded and validated together.</summary>
public sealed record ReferenceDataSet(
    HeaderAliases Aliases,
    RoleTaxonomy Taxonomy,
    RoleMapper Mapper,
    GradeCatalogue Grades,
    OrganisationCatalogue Organisations,
    AssignmentRules Assignments,
    Surveys.SurveyAliases SurveyAliases)
{
    /// <summary>Mergers and code changes (organisation-successors.csv): the views' current organisation follows them.</summary>
    public IReadOnlyList<OrganisationSuccessor> Successors { get; init; } = [];

    /// <summary>The team's exact-title choices, in file order; the mapper tries them before the rules.</summary>
    public IReadOnlyList<Taxonomy.TitleOverride> TitleOverrides { get; init; } = [];

    /// <summary>The supply projection's assumptions (supply-assumptions.csv, training-routes.csv).</summary>
    public Projection.SupplyAssumptions SupplyAssumptions { get; init; } = Projection.SupplyAssumptions.None;

    /// <summary>The plan's assumption register (training-pipelines.csv, planning-assumptions.csv).</summary>
    public StaffDataPipeline.Planning.PlanningAssumptions PlanningAssumptions { get; init; } = StaffDataPipeline.Planning.PlanningAssumptions.None;

    /// <summary>The full-time week by staff group (standard-weeks.csv), for FTE from contracted hours.</summary>
    public StandardWeeks StandardWeeks { get; init; } = StandardWeeks.National;

    /// <summary>A post's service area from its place (service-area-rules.csv); with no rules every post is Unspecified.</summary>
    public ServiceAreaDecider ServiceAreas { get; init; } = new([], new TitleNormaliser([]));
}
