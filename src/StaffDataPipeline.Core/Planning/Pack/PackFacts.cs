namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// What the planning pack needs from the warehouse beyond <see cref="PlanningInputs"/> (which already holds stock by age
/// band, flows with joiner sources and stated demand): which data the run stood on, and the survey returns' in-post and
/// vacancy figures. Aggregated by organisation; no person-level value.
/// </summary>
public sealed record PackFacts(
    IReadOnlyList<EsrCoverage> Esr,
    IReadOnlyList<ReturnCoverage> Returns,
    IReadOnlyList<ReturnWorkforce> ReturnWorkforce)
{
    public static PackFacts None { get; } = new([], [], []);
}

/// <summary>An organisation's loaded ESR snapshots: how many, the first and latest, and the batches that loaded them (count, latest id).</summary>
public sealed record EsrCoverage(string OrganisationCode, string OrganisationName, int Snapshots, DateOnly FirstSnapshot, DateOnly LatestSnapshot, int Batches, long LatestBatchId);

/// <summary>An organisation's current (latest, not superseded or withdrawn) survey return for one service area.</summary>
public sealed record ReturnCoverage(string OrganisationCode, string OrganisationName, string ServiceArea, string ReturnPeriod, DateOnly PeriodEnd, long BatchId);

/// <summary>
/// The current returns' workforce figures for one organisation and role, summed over its service areas (each area's
/// latest return, as the plan reads demand): WTE in post, funded establishment and vacant WTE.
/// </summary>
public sealed record ReturnWorkforce(string OrganisationCode, string RoleCode, double WteInPost, double EstablishmentWte, double VacantWte);

/// <summary>The pack's reads, one provider-neutral seam: implemented on SQLite and SQL Server.</summary>
public interface IPackSource
{
    Task<PackFacts> ReadAsync(CancellationToken cancellationToken);
}
