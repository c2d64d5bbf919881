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
    public void Windows_that_find_few_keys_make_the_thread_compute_directly_then_look_again()
    {
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();

        // Posts met once: a window that warms the cache, then two that find nothing, so the next StandAside keys are
        // computed without looking.
        for (var row = 0; row < (1 + CacheUse.PoorWindows) * CacheUse.Window; row++)
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

    [Fact]
    public void Posts_that_repeat_within_a_window_keep_the_cache_though_organisations_come_and_go()
    {
        // An extract sorted by organisation: 1,500 posts at a time, each met every 1,500 rows for 30,000 rows, then the
        // next organisation's. The window in which an organisation starts finds little in the cache; the next finds
        // nearly all, so the thread keeps looking.
        const int Rows = 600_000, Life = 30_000, Posts = 1_500;
        var computed = ComputedOver(Rows, row => (row / Life * Posts) + (row % Posts));

        // Each post computed on its first and second sightings and then found: a tenth (98% when one poor window stood
        // the thread aside and every window after it was judged cold).
        Assert.InRange(computed, 2 * Posts * (Rows / Life), Rows / 5);
    }

    [Fact]
    public void A_cold_cache_is_judged_once_it_has_warmed()
    {
        // 3,500 posts, each met once every 3,500 rows. A post is kept from its second sighting, so the cache finds
        // nothing in the first window and under a third in the second; from the third on it finds them all. The first
        // window is not judged and one poor window does not stand the thread aside: judged at once, it would stand
        // aside for thirty windows at the start of every such load.
        const int Posts = 3_500;
        Assert.InRange(ComputedOver(20 * Posts, row => row % Posts), Posts, 2 * Posts);
    }

    [Fact]
    public void A_cache_that_thrashes_is_stood_aside()
    {
        // 6,000 posts in turn through 4,096 slots, their hashes spread: each post is met again, but about a quarter are
        // still in their slot when it is (in a doorkeeper's memory they are all "met before"). Looking costs more than
        // it finds, so the thread computes nearly every post directly.
        const int Posts = 6_000, Rows = 100 * Posts;
        Assert.InRange(ComputedOver(Rows, row => unchecked((row % Posts) * -1_640_531_535)), (int)(Rows * 0.9), Rows);
    }

    /// <summary>How many of <paramref name="rows"/> lookups on one thread, of the post each row gives, were computed.</summary>
    private static int ComputedOver(int rows, Func<int, int> postOfRow)
    {
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();
        for (var row = 0; row < rows; row++)
        {
            Get(cache, counted, postOfRow(row));
        }

        return counted.Computed;
    }

    // Each window is judged on its own lookups, and only poor windows in a row stand a thread aside: a good window
    // between two poor ones keeps it looking, and a good window before two poor ones does not. (Each case starts after
    // the window that warms the cache, which is not judged.)
    [Theory]
    [InlineData("poor poor", true)]
    [InlineData("poor good poor", false)]
    [InlineData("good poor poor", true)]
    [InlineData("poor good poor poor", true)]
    [InlineData("good good poor", false)]
    public void Poor_windows_in_a_row_stand_a_thread_aside(string windows, bool standsAside)
    {
        var tally = default(CacheUse.Tally);
        foreach (var window in windows.Split(' ').Prepend("warming"))
        {
            Look(ref tally, window == "good" ? CacheUse.Window : 0);
        }

        Assert.Equal(standsAside, tally.StandingAside());
    }

    [Fact]
    public void The_window_after_looking_starts_or_starts_again_is_not_judged()
    {
        var tally = default(CacheUse.Tally);
        Look(ref tally, found: 0);
        Look(ref tally, found: 0);
        Assert.False(tally.StandingAside());
        Look(ref tally, found: 0);
        Assert.True(tally.StandingAside());

        while (tally.StandingAside())
        {
        }

        // Looking again: the cache is cold, so the first window warms it and the poor windows are counted afresh.
        Look(ref tally, found: 0);
        Look(ref tally, found: 0);
        Assert.False(tally.StandingAside());
        Look(ref tally, found: 0);
        Assert.True(tally.StandingAside());
    }

    private static void Look(ref CacheUse.Tally tally, int found)
    {
        for (var lookup = 0; lookup < CacheUse.Window; lookup++)
        {
            Assert.False(tally.StandingAside());
            tally.Looked(found: lookup < found);
        }
    }

    [Theory]
    [InlineData(CacheUse.Window / 2, false)]
    [InlineData(CacheUse.Window / 2 - 1, true)]
    [InlineData(0, true)]
    [InlineData(CacheUse.Window, false)]
    public void A_thread_stands_aside_when_its_windows_found_fewer_than_half(int found, bool standsAside)
    {
        var tally = default(CacheUse.Tally);
        Look(ref tally, CacheUse.Window);
        for (var window = 0; window < CacheUse.PoorWindows; window++)
        {
            Look(ref tally, found);
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
        var computed = new int[1];

        Parallel.ForEach(
            Partitioner(keys),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            key =>
            {
                var value = cache.GetOrAdd(key, static (k, count) => { Interlocked.Increment(ref count[0]); return "decided " + k; }, computed);
                if (value != "decided " + key)
                {
                    Interlocked.Increment(ref wrong);
                }
            });

        Assert.Equal(0, wrong);

        // Both ways ran: the threads stood aside (the repeating fifth was mostly computed, not found) and looked (not all).
        Assert.InRange(computed[0], (int)(keys.Length * 0.9), keys.Length - 1);
    }

    private static System.Collections.Concurrent.OrderablePartitioner<string> Partitioner(string[] keys) =>
        System.Collections.Concurrent.Partitioner.Create(keys, loadBalance: true);
}
