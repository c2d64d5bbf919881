using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Warehouse;

/// <summary>What the workforce team does after loads: review what did not map, and re-derive roles after a rule change.</summary>
public interface IWarehouseReview
{
    Task<IReadOnlyList<UnmappedTitle>> UnmappedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<UnknownOrganisation>> UnknownOrganisationsAsync(CancellationToken cancellationToken);

    Task<RemapResult> RemapAsync(RoleMapper mapper, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What a remap changed.</summary>
public sealed record RemapResult(string TaxonomyVersion, long PostsChecked, long PostsChanged, long FactsUpdated, long FactsRemovedAsOutOfScope)
{
    /// <summary>Survey return lines whose role or rule changed (their fact cells are rebuilt).</summary>
    public long SurveyLinesChanged { get; init; }
}
