using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The field caches look a value up by the characters of its folded text, still in a buffer, and keep it from its second
/// sighting on, up to their limit.
/// </summary>
public sealed class BoundedTextCacheTests
{
    [Fact]
    public void A_value_is_found_by_its_characters_once_it_has_been_seen_twice()
    {
        var cache = new BoundedTextCache<string>(100);
        var made = 0;
        string Lookup(string text) => cache.GetOrAdd(text.AsSpan(), (key, _) => { made++; return key.ToUpperInvariant(); }, 0);

        Assert.Equal("GENETIC COUNSELLOR", Lookup("genetic counsellor"));
        Assert.Equal("GENETIC COUNSELLOR", Lookup("genetic counsellor"));
        Assert.Equal("GENETIC COUNSELLOR", Lookup("genetic counsellor"));

        // Made on the first sighting (not kept) and the second (kept); found on the third.
        Assert.Equal(2, made);
    }

    [Fact]
    public void The_key_is_the_characters_not_the_buffer_that_held_them()
    {
        var cache = new BoundedTextCache<int>(100);
        var buffer = "clinical scientist".ToCharArray();
        _ = cache.GetOrAdd(buffer.AsSpan(), (key, _) => key.Length, 0);
        _ = cache.GetOrAdd(buffer.AsSpan(), (key, _) => key.Length, 0);

        // The buffer is written over by the next row; the entry kept its own copy.
        "bioinformatician!!".CopyTo(buffer);
        var made = false;
        Assert.Equal(18, cache.GetOrAdd("clinical scientist".AsSpan(), (_, _) => { made = true; return -1; }, 0));
        Assert.False(made);
    }

    [Fact]
    public void It_holds_at_most_its_limit_and_then_starts_again()
    {
        var cache = new BoundedTextCache<int>(10);
        var made = 0;
        int Lookup(string text) => cache.GetOrAdd(text.AsSpan(), (key, _) => { made++; return key.Length; }, 0);
        foreach (var i in Enumerable.Range(0, 10))
        {
            Lookup($"title {i}");
            Lookup($"title {i}");
        }

        made = 0;
        Lookup("title 0");
        Assert.Equal(0, made);

        // The eleventh value kept empties it: the first ten must be made again.
        Lookup("title 10");
        Lookup("title 10");
        made = 0;
        Lookup("title 0");
        Assert.Equal(1, made);
    }
}
