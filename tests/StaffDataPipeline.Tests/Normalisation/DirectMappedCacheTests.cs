using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The post caches in front of the role mapper (DirectMappedCache) look only where looking pays: a thread whose recent
/// lookups found fewer than half their keys computes directly for a while, then looks again (CacheUse). Every answer is
/// the computation's, whichever way it was reached.
/// </summary>
public sealed class DirectMappedCacheTests
{
    // Keys are numbers (a post's id here): their hash is the number itself, so which keys share a slot does not change
    // from run to run as a string's would.
    private sealed class Counted
    {
        public int Computed;

        public string Compute(int post)
        {
            Computed++;
            return $"decided {post}";
        }
    }

    private static string Get(DirectMappedCache<int, string> cache, Counted counted, int post) =>
        cache.GetOrAdd(post, static (k, c) => c.Compute(k), counted);

    [Fact]
    public void Keys_that_repeat_are_computed_once_each_after_their_second_sighting()
    {
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();
        int[] posts = [11, 12, 13, 14];

        for (var row = 0; row < 10 * CacheUse.Window; row++)
        {
            var post = posts[row % posts.Length];
            Assert.Equal($"decided {post}", Get(cache, counted, post));
        }

        // The doorkeeper lets a key in on its second sighting (or its first, where others set its bits): at most two
        // computations a key, then every lookup finds it.
        Assert.InRange(counted.Computed, posts.Length, 2 * posts.Length);
    }

    [Fact]
    public void A_window_that_finds_few_keys_makes_the_thread_compute_directly_then_look_again()
    {
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();

        // A window of posts met once: nothing found, so the next StandAside keys are computed without looking.
        for (var row = 0; row < CacheUse.Window; row++)
        {
            Get(cache, counted, 1_000_000 + row);
        }

        counted.Computed = 0;
        for (var row = 0; row < CacheUse.StandAside; row++)
        {
            Assert.Equal("decided 7", Get(cache, counted, 7));
        }

        Assert.Equal(CacheUse.StandAside, counted.Computed);

        // Then it looks again: the post is let in by its second sighting there, and found from then on.
        counted.Computed = 0;
        for (var row = 0; row < 3 * CacheUse.Window; row++)
        {
            Assert.Equal("decided 7", Get(cache, counted, 7));
        }

        Assert.InRange(counted.Computed, 1, 2);
    }

    [Theory]
    [InlineData(CacheUse.Window / 2, false)]
    [InlineData(CacheUse.Window / 2 - 1, true)]
    [InlineData(0, true)]
    [InlineData(CacheUse.Window, false)]
    public void A_thread_stands_aside_when_a_window_found_fewer_than_half(int found, bool standsAside)
    {
        var tally = default(CacheUse.Tally);
        for (var lookup = 0; lookup < CacheUse.Window; lookup++)
        {
            Assert.False(tally.StandingAside());
            tally.Looked(found: lookup < found);
        }

        var aside = 0;
        while (tally.StandingAside())
        {
            aside++;
        }

        Assert.Equal(standsAside ? CacheUse.StandAside : 0, aside);
    }

    [Fact]
    public void Threads_sharing_the_cache_get_the_computations_answers()
    {
        // Posts mostly met once, a few repeating: both ways of answering run at once on several threads.
        var cache = new DirectMappedCache<string, string>(8);
        var keys = Enumerable.Range(0, 400_000).Select(i => i % 5 == 0 ? $"repeating {i % 40}" : $"once {i}").ToArray();
        var wrong = 0;

        Parallel.ForEach(
            Partitioner(keys),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            key =>
            {
                if (cache.GetOrAdd(key, static (k, _) => "decided " + k, 0) != "decided " + key)
                {
                    Interlocked.Increment(ref wrong);
                }
            });

        Assert.Equal(0, wrong);
    }

    private static System.Collections.Concurrent.OrderablePartitioner<string> Partitioner(string[] keys) =>
        System.Collections.Concurrent.Partitioner.Create(keys, loadBalance: true);
}
