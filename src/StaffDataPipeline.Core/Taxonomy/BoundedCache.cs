using System.Collections.Concurrent;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A thread-safe memo whose memory has a ceiling: when it holds <c>limit</c> entries it is emptied and fills again.
/// Values must be pure functions of their keys, so that emptying it changes nothing but speed.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private readonly int _limit;
    private int _count;

    public BoundedCache(int limit) => _limit = limit;

    public TValue GetOrAdd<TArg>(TKey key, Func<TKey, TArg, TValue> create, TArg argument)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = create(key, argument);

        // ConcurrentDictionary.Count takes every lock; a counter is enough to bound memory.
        if (Interlocked.Increment(ref _count) > _limit)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        _entries.TryAdd(key, value);
        return value;
    }
}
