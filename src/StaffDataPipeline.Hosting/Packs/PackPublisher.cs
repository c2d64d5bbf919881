using StaffDataPipeline.Planning;

namespace StaffDataPipeline.Hosting.Packs;

/// <summary>
/// Runs the plan (the baseline and the scenarios asked for, one read of the warehouse) and publishes the planning pack
/// built from those runs to an outbox: what a scheduled job does after the nightly load.
/// </summary>
public sealed class PackPublisher(PlanStage stage, PlanningPackService packs, PackFiles files, TimeProvider time)
{
    /// <summary>The manifest of the pack published, or null when the warehouse holds no staff in post to plan from.</summary>
    /// <exception cref="Planning.Scenarios.UnknownScenarioException">A scenario no file defines (nothing is run).</exception>
    public async Task<PackManifest?> PublishAsync(IReadOnlyList<string> scenarios, PackOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(outbox);
        var outcomes = await stage.RunScenariosAsync([SupplyPlanner.Baseline, .. scenarios], null, null, cancellationToken);
        if (outcomes is null)
        {
            return null;
        }

        var document = await packs.BuildAsync([.. outcomes.Select(o => o.Record)], outcomes[0].Inputs, cancellationToken);
        return outbox.Publish(document, files, time.GetUtcNow(), outcomes[0].Result.DataAsOf, [.. outcomes.Select(o => o.Result.Scenario)], [.. outcomes.Select(o => o.RunId)]);
    }
}
