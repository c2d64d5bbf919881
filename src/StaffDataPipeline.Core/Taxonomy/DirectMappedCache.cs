using System.Runtime.CompilerServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A fixed-size memo in which each key has one slot (chosen by its hash) and a newer key simply takes the slot: no
/// locks, no growth, no clearing, and a miss costs one small allocation (none for a key seen once:
/// <see cref="Doorkeeper"/>). Right for a cache in front of a computation that is already cheap, where a concurrent
/// dictionary's insert would cost as much as the computation. Thread-safe because a slot holds an immutable entry that
/// is swapped whole.
/// </summary>
internal sealed class DirectMappedCache<TKey, TValue>
    where TKey : IEquatable<TKey>
{
    private readonly Entry?[] _slots;
    private readonly int _mask;
    private readonly Doorkeeper _doorkeeper;

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
        var hash = key.GetHashCode();
        var slot = hash & _mask;
        var entry = Volatile.Read(ref _slots[slot]);
        if (entry is not null && entry.Key.Equals(key))
        {
            return entry.Value;
        }

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
