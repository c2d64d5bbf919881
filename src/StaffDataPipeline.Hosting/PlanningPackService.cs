using StaffDataPipeline.Hosting.Packs;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Hosting;

/// <summary>
/// Builds the planning pack from plan runs (<see cref="PlanningPackBuilder"/>, with the pack's facts read once through
/// <see cref="IPackSource"/>) and writes it through <see cref="PackFiles"/>, one file per path.
/// </summary>
public sealed class PlanningPackService(IPackSource source, PackFiles files, ReferenceDataSet data)
{
    /// <summary>Null when every path has a writer; otherwise one sentence naming the path and the extensions there are writers for.</summary>
    public string? MissingWriter(IEnumerable<string> paths) => files.MissingWriter(paths);

    public async Task<PackDocument> BuildAsync(IReadOnlyList<PlanRecord> runs, PlanningInputs inputs, CancellationToken cancellationToken)
    {
        var facts = await source.ReadAsync(cancellationToken);
        return new PlanningPackBuilder(data.PlanningAssumptions, data.Taxonomy, new PlanningGeography(data.Organisations.All)).Build(runs, inputs, facts);
    }

    /// <summary>Builds the pack once and writes it to every path (each with the writer for its extension).</summary>
    public async Task<IReadOnlyList<PackFileWritten>> WriteAsync(IReadOnlyList<PlanRecord> runs, PlanningInputs inputs, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (files.MissingWriter(paths) is { } message)
        {
            throw new InvalidOperationException(message);
        }

        var document = await BuildAsync(runs, inputs, cancellationToken);
        return [.. paths.Select(p => files.Write(document, p))];
    }
}
