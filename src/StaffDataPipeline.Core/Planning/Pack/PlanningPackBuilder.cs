using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// Builds the planning pack's content from one or more plan runs (one per scenario, the baseline first), the inputs
/// they read and the pack's extra facts: a national summary, a sheet per NHS England region and per GLH, and the
/// assumptions. Every figure, rounding, suppression and sentence is decided here, so the workbook and the page say the
/// same; the same runs, inputs and facts give an equal document.
/// </summary>
public sealed class PlanningPackBuilder(PlanningAssumptions assumptions, RoleTaxonomy taxonomy, PlanningGeography geography)
{
    public const string Title = "Genomics workforce planning pack";

    public PackDocument Build(IReadOnlyList<PlanRecord> runs, PlanningInputs inputs, PackFacts facts)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(facts);
        if (runs.Count == 0)
        {
            throw new ArgumentException("The pack needs at least one plan run (the baseline first).", nameof(runs));
        }

        return new PackComposer(assumptions, taxonomy, geography, runs, inputs, facts).Compose();
    }
}
