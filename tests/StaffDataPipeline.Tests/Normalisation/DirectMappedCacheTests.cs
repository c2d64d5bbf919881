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
    public void Windows_that_meet_few_keys_again_make_the_thread_compute_directly_then_look_again()
    {
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();

        // Two windows of posts met once: nothing found, so the next StandAside keys are computed without looking.
        for (var row = 0; row < CacheUse.PoorWindows * CacheUse.Window; row++)
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
    public void Posts_that_repeat_within_a_window_keep_the_cache_though_every_window_brings_new_ones()
    {
        // An extract sorted by organisation: 1,500 posts at a time, each met every 1,500 rows for 30,000 rows, then the
        // next organisation's. A window that starts an organisation finds little in the cache, but meets most of its
        // posts again, and so does the first window after standing aside, when the cache is cold: both keep looking.
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();
        const int Rows = 600_000, Life = 30_000, Posts = 1_500;
        for (var row = 0; row < Rows; row++)
        {
            Get(cache, counted, (row / Life * Posts) + (row % Posts));
        }

        // Each post computed on its first and second sightings and then found: a tenth (98% when a window that found
        // little stood the cache aside, cold, for good; 40% when one poor window, where the doorkeeper forgot, did).
        Assert.InRange(counted.Computed, 2 * Posts * (Rows / Life), Rows / 5);
    }

    [Fact]
    public void A_cold_cache_is_judged_by_how_often_its_keys_come_back_not_by_what_it_held()
    {
        // 3,500 posts, each met once every 3,500 rows. A post is kept from its second sighting, so the cache finds
        // nothing in the first window and under a third in the second; but the second window meets every key again,
        // and from the third on the cache finds them all. Judged by what it found, the thread would stand aside for
        // thirty windows at the start of every such load (or after every time it stood aside).
        var cache = new DirectMappedCache<int, string>(12);
        var counted = new Counted();
        const int Posts = 3_500, Rows = 20 * Posts;
        for (var row = 0; row < Rows; row++)
        {
            Get(cache, counted, row % Posts);
        }

        Assert.InRange(counted.Computed, Posts, 2 * Posts);
    }

    // Each window is judged on its own lookups, and only poor windows in a row stand a thread aside: a good window
    // between two poor ones keeps it looking, and a good window before two poor ones does not.
    [Theory]
    [InlineData("poor poor", true)]
    [InlineData("poor good poor", false)]
    [InlineData("good poor poor", true)]
    [InlineData("poor good poor poor", true)]
    [InlineData("good good poor", false)]
    public void Poor_windows_in_a_row_stand_a_thread_aside(string windows, bool standsAside)
    {
        var tally = default(CacheUse.Tally);
        foreach (var window in windows.Split(' '))
        {
            for (var lookup = 0; lookup < CacheUse.Window; lookup++)
            {
                Assert.False(tally.StandingAside());
                tally.Looked(found: window == "good");
            }
        }

        Assert.Equal(standsAside, tally.StandingAside());
    }

    [Theory]
    [InlineData(CacheUse.Window / 2, false)]
    [InlineData(CacheUse.Window / 2 - 1, true)]
    [InlineData(0, true)]
    [InlineData(CacheUse.Window, false)]
    public void A_thread_stands_aside_when_its_windows_met_fewer_than_half_before(int found, bool standsAside)
    {
        var tally = default(CacheUse.Tally);
        for (var lookup = 0; lookup < CacheUse.PoorWindows * CacheUse.Window; lookup++)
        {
            Assert.False(tally.StandingAside());
            tally.Looked(found: lookup % CacheUse.Window < found);
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
