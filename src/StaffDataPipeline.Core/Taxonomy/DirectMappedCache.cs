using System.Runtime.CompilerServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A fixed-size memo in which each key has one slot (chosen by its hash) and a newer key simply takes the slot: no
/// locks, no growth, no clearing, and a miss costs one small allocation (none for a key seen once:
/// <see cref="Doorkeeper"/>). Right for a cache in front of a computation that is already cheap, where a concurrent
/// dictionary's insert would cost as much as the computation. Thread-safe because a slot holds an immutable entry that
/// is swapped whole.
/// </summary>
/// <remarks>
/// Where it does not pay, it stands aside (<see cref="CacheUse"/>): a thread whose windows of
/// <see cref="CacheUse.Window"/> lookups found fewer than half their keys two windows in a row computes directly for the
/// next <see cref="CacheUse.StandAside"/> keys, then looks again. Hashing a post's seven fields and comparing them
/// costs about what deciding the post from its cached field values does, so a cache that mostly misses only adds to it:
/// a national file shuffled across organisations finds a tenth of its posts here, and one with a title or a cost centre
/// per row none (docs/benchmark.md); the NHS Digital layout finds nearly all, and keeps its cache. Values are pure
/// functions of their keys, so whether a lookup used the cache changes no answer.
/// </remarks>
internal sealed class DirectMappedCache<TKey, TValue>
    where TKey : IEquatable<TKey>
{
    private readonly Entry?[] _slots;
    private readonly int _mask;
    private readonly Doorkeeper _doorkeeper;
    private readonly CacheUse _use = new();

    /// <param name="slotBits">The cache has 2^slotBits slots.</param>
    public DirectMappedCache(int slotBits)
    {
        _slots = new Entry?[1 << slotBits];
        _mask = _slots.Length - 1;
        _doorkeeper = new Doorkeeper(slotBits + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TValue GetOrAdd<TArg>(in TKey key, Func<TKey, TArg, TValue> create, TArg argument)
    {
        ref var tally = ref _use.OfThisThread();
        if (tally.StandingAside())
        {
            return create(key, argument);
        }

        var hash = key.GetHashCode();
        var slot = hash & _mask;
        var entry = Volatile.Read(ref _slots[slot]);
        if (entry is not null && entry.Key.Equals(key))
        {
            tally.Looked(found: true);
            return entry.Value;
        }

        tally.Looked(found: false);
        var value = create(key, argument);
        if (!_doorkeeper.SeenBefore(hash))
        {
            return value;
        }

        Volatile.Write(ref _slots[slot], new Entry(key, value));
        return value;
    }

    private sealed record Entry(TKey Key, TValue Value);
}
