using Microsoft.Extensions.DependencyInjection;

namespace StaffDataPipeline.Warehouse;

/// <summary>
/// A kind of warehouse the settings can name (Warehouse:Provider): its name, how it reads and checks its own
/// Warehouse:* settings, and how it registers itself. Each adapter project has one; the host keeps the one map from
/// name to provider (Hosting's WarehouseProviders), so a new warehouse touches its own project and that map only.
/// </summary>
public abstract class WarehouseProvider
{
    /// <summary>The value of Warehouse:Provider that chooses it (matched ignoring case).</summary>
    public abstract string Name { get; }

    /// <summary>What `--database` (Warehouse:Database) means for this warehouse, for the option's help and messages.</summary>
    public abstract string DatabaseMeaning { get; }

    /// <summary>
    /// Reads this provider's Warehouse:* settings, checks them, and says how to register it. Errors name the setting;
    /// registration happens only when there are none.
    /// </summary>
    public abstract ConfiguredWarehouse Configure(IWarehouseSettings settings);

    /// <summary>The idempotent deploy script a DBA runs (schema, views, roles), or null when the warehouse creates itself at the first load.</summary>
    public virtual string? SchemaScript() => null;
}

/// <summary>The Warehouse:* settings section, bound by the host so that a wrong value becomes a sentence naming the setting.</summary>
public interface IWarehouseSettings
{
    T Bind<T>()
        where T : new();
}

/// <summary>A provider with its settings read: what to register, where it is (for messages), and how hosts may use it.</summary>
/// <param name="Location">Where the warehouse is, for messages: a file path, or a server and database (never credentials).</param>
/// <param name="Register">Registers every seam the warehouse serves (Add…Warehouse).</param>
public sealed record ConfiguredWarehouse(string Location, Action<IServiceCollection> Register)
{
    /// <summary>Settings that are wrong, each one sentence naming the setting; the warehouse is not usable while there are any.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Whether several loads may write at once (the service then runs several workers); SQLite has one writer.</summary>
    public bool ConcurrentLoads { get; init; }

    /// <summary>A job store the service may share between its nodes in the same database, or null for an in-memory queue on one node.</summary>
    public SharedJobStore? JobStore { get; init; }
}

/// <summary>Where a service may keep its job queue beside the warehouse: the kind of database, how to reach it, and whether it may create its tables.</summary>
public sealed record SharedJobStore(string Kind, string ConnectionString, bool PrepareSchema);
