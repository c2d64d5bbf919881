namespace StaffDataPipeline.Taxonomy;

/// <summary>A set of rule (or exclusion) positions, one bit each, in the order the rules are tried. Equal when the same positions are set.</summary>
internal sealed class RuleMask : IEquatable<RuleMask>
{
    private readonly ulong[] _words;

    private RuleMask(ulong[] words) => _words = words;

    /// <summary>The positions 0..<paramref name="count"/>-1 for which <paramref name="holds"/> is true.</summary>
    public static RuleMask Where(int count, Func<int, bool> holds)
    {
        var words = new ulong[(count + 63) / 64];
        for (var i = 0; i < count; i++)
        {
            if (holds(i))
            {
                words[i / 64] |= 1UL << (i % 64);
            }
        }

        return new RuleMask(words);
    }

    /// <summary>Whether position <paramref name="i"/> is set.</summary>
    public bool Contains(int i) => (_words[i / 64] & (1UL << (i % 64))) != 0;

    /// <summary>The first position set in all four masks, from <paramref name="start"/> on; -1 when there is none.</summary>
    public static int FirstInAll(RuleMask a, RuleMask b, RuleMask c, RuleMask d, int start)
    {
        for (var w = start / 64; w < a._words.Length; w++)
        {
            var word = a._words[w] & b._words[w] & c._words[w] & d._words[w];
            if (w == start / 64)
            {
                word &= ulong.MaxValue << (start % 64);
            }

            if (word != 0)
            {
                return (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }

        return -1;
    }

    /// <summary>The first position set in both masks; -1 when there is none.</summary>
    public static int FirstInBoth(RuleMask a, RuleMask b)
    {
        for (var w = 0; w < a._words.Length; w++)
        {
            var word = a._words[w] & b._words[w];
            if (word != 0)
            {
                return (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }

        return -1;
    }

    public bool Equals(RuleMask? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as RuleMask);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_words.AsSpan()));
        return hash.ToHashCode();
    }
}
