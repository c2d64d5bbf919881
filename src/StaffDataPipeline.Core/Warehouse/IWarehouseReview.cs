namespace StaffDataPipeline.Warehouse;

/// <summary>
/// What the workforce team does after loads: review what did not map, and re-derive roles after a rule change. The
/// warehouse only reads and applies: which role a post has is decided in Core (<see cref="Taxonomy.RoleRemapper"/>).
/// </summary>
public interface IWarehouseReview
{
    Task<IReadOnlyList<UnmappedTitle>> UnmappedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<UnknownOrganisation>> UnknownOrganisationsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored post and every distinct survey role, with the role each has now.</summary>
    Task<StoredRoles> ReadStoredRolesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: gives every post its decided role and the new taxonomy version (facts included, with the
    /// service area of the post's place), removes
    /// facts of posts now out of scope, re-maps the changed survey roles and rebuilds the survey cells, drops review
    /// queue entries that now map, and records the taxonomy version.
    /// </summary>
    Task<AppliedRoleChanges> ApplyRoleChangesAsync(RoleChanges changes, CancellationToken cancellationToken);

    /// <summary>
    /// Imports an ODS release: every trust and site with its parent, region and dates, and the trusts into the
    /// organisation dimension (the team's own file wins where both speak). Importing the same release twice changes nothing.
    /// </summary>
    Task<Organisations.OdsImportResult> ImportOdsAsync(IReadOnlyList<Organisations.OdsOrganisation> release, CancellationToken cancellationToken);
}

/// <summary>What a remap changed.</summary>
public sealed record RemapResult(string TaxonomyVersion, long PostsChecked, long PostsChanged, long FactsUpdated, long FactsRemovedAsOutOfScope)
{
    /// <summary>Survey return lines whose role or rule changed (their fact cells are rebuilt).</summary>
    public long SurveyLinesChanged { get; init; }

    /// <summary>Facts whose service area, or the service-area rule that decided it, changed.</summary>
    public long ServiceAreaFactsChanged { get; init; }
}
