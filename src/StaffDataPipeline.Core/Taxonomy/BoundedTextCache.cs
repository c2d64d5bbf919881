using System.Collections.Concurrent;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A <see cref="BoundedCache{TKey, TValue}"/> keyed by text and looked up by characters still in a buffer: a value
/// found allocates nothing, and the key is made a string only to be kept. Keyed by the folded text rather than the
/// text read, a value's key can be its value (a title that needs no synonym folds to itself), so an entry holds one
/// string where it held the text read and its folded form.
/// </summary>
internal sealed class BoundedTextCache<TValue>
{
    private readonly BoundedCache<string, TValue> _cache;
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _byCharacters;

    public BoundedTextCache(int limit)
    {
        _cache = new BoundedCache<string, TValue>(limit, StringComparer.Ordinal);
        _byCharacters = _cache.AlternateLookup<ReadOnlySpan<char>>();
    }

    public TValue GetOrAdd<TArg>(ReadOnlySpan<char> key, Func<string, TArg, TValue> create, TArg argument)
    {
        if (_byCharacters.TryGetValue(key, out var value))
        {
            return value;
        }

        var text = key.ToString();
        value = create(text, argument);
        _cache.Admit(text, value);
        return value;
    }
}
