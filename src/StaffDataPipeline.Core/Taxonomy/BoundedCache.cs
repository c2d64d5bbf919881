using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A thread-safe memo whose memory has a ceiling: when it holds <c>limit</c> entries it is emptied and fills again.
/// Values must be pure functions of their keys, so that emptying it changes nothing but speed. A key is kept from its
/// second sighting on (<see cref="Doorkeeper"/>): values that never repeat pass through without filling it.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _limit;
    private readonly Doorkeeper _doorkeeper;
    private int _count;

    public BoundedCache(int limit, IEqualityComparer<TKey>? comparer = null)
    {
        _entries = new(comparer);
        _limit = limit;
        _doorkeeper = new Doorkeeper(Math.Clamp(32 - System.Numerics.BitOperations.LeadingZeroCount((uint)limit * 8), 8, 21));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TValue GetOrAdd<TArg>(TKey key, Func<TKey, TArg, TValue> create, TArg argument)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = create(key, argument);
        Admit(key, value);
        return value;
    }

    /// <summary>A lookup of the entries by another form of the key (<see cref="BoundedTextCache{TValue}"/>); it adds nothing.</summary>
    internal ConcurrentDictionary<TKey, TValue>.AlternateLookup<TAlternate> AlternateLookup<TAlternate>()
        where TAlternate : notnull, allows ref struct => _entries.GetAlternateLookup<TAlternate>();

    /// <summary>Keeps a value just worked out, if its key has been seen before.</summary>
    internal void Admit(TKey key, TValue value)
    {
        if (!_doorkeeper.SeenBefore(_entries.Comparer.GetHashCode(key)))
        {
            return;
        }

        // ConcurrentDictionary.Count takes every lock; a counter is enough to bound memory.
        if (Interlocked.Increment(ref _count) > _limit)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        _entries.TryAdd(key, value);
    }
}
