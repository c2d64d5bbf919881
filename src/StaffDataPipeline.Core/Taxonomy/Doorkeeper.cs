namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Admits a key to a cache on its second sighting, not its first (the "doorkeeper" of TinyLFU). A value that occurs
/// once in a file, such as a cost centre drawn per row, is then never cached: its entry would only have outlived the
/// garbage collector's youngest generation to be thrown away later, and at national scale that promotion, not the
/// lookups, was most of the cost. A value that repeats is cached from its second row on.
/// </summary>
/// <remarks>
/// Three bits per key (a Bloom filter with three hashes), so a key is admitted on its first sighting only when all its
/// bits were set by others: harmless, since a cache's values are pure functions of their keys, and rare, because the
/// bits are cleared once a quarter of them are set (a key then passes wrongly at most one time in 64, about one in 250
/// on average; with two bits about one in fifty, and a file of a million values met once, such as a cost centre per row,
/// kept tens of thousands of them). Clearing also keeps the record of sightings, like the cache, small and recent: a
/// value is kept if it recurs within about 0.8 to 1.5 times a bounded cache's limit of other new values. Thread-safe:
/// bits are set with an atomic OR.
/// </remarks>
internal sealed class Doorkeeper
{
    private const int WordBits = 64;
    private readonly long[] _words;
    private readonly int _mask;
    private readonly int _clearAt;
    private readonly int _shift;
    private int _set;

    /// <param name="bucketBits">The doorkeeper has 2^bucketBits bits (2^20 bits take 128 KB).</param>
    public Doorkeeper(int bucketBits)
    {
        _words = new long[Math.Max(1, (1 << bucketBits) / WordBits)];
        _mask = (1 << bucketBits) - 1;
        _clearAt = 1 << (bucketBits - 2);
        _shift = 32 - bucketBits;
    }

    /// <summary>Records a sighting of the key with this hash; true when it (or keys sharing its bits) was seen before.</summary>
    public bool SeenBefore(int hash)
    {
        // The second and third bits come from the same hash, remixed by two multipliers (Fibonacci hashing: the top bits
        // of the product, for any size), so that keys sharing one bit rarely share all three.
        var first = Set(hash & _mask);
        var second = Set((int)(((uint)hash * 2654435769u) >> _shift));
        var third = Set((int)(((uint)hash * 2246822519u) >> _shift));
        if (first && second && third)
        {
            return true;
        }

        if (Interlocked.Add(ref _set, (first ? 0 : 1) + (second ? 0 : 1) + (third ? 0 : 1)) >= _clearAt)
        {
            Array.Clear(_words);
            Interlocked.Exchange(ref _set, 0);
        }

        return false;
    }

    /// <summary>Sets the bit; true when it was already set. A bit already set is only read: no atomic write for a repeat.</summary>
    private bool Set(int bucket)
    {
        var bit = 1L << (bucket % WordBits);
        ref var word = ref _words[bucket / WordBits];
        return (Volatile.Read(ref word) & bit) != 0 || (Interlocked.Or(ref word, bit) & bit) != 0;
    }
}
