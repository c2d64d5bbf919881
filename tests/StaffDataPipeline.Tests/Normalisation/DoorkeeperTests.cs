using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The field caches keep a value from its second sighting on (Doorkeeper): a value seen once passes through, a value
/// seen again is let in, and the record of sightings empties itself before it could let most values in by accident.
/// </summary>
public sealed class DoorkeeperTests
{
    [Fact]
    public void A_key_is_let_in_on_its_second_sighting()
    {
        var doorkeeper = new Doorkeeper(16);

        Assert.False(doorkeeper.SeenBefore("4490199 Cardiology Ward 12B".GetHashCode(StringComparison.Ordinal)));
        Assert.True(doorkeeper.SeenBefore("4490199 Cardiology Ward 12B".GetHashCode(StringComparison.Ordinal)));
    }

    [Fact]
    public void Values_that_never_repeat_are_rarely_let_in_however_many_there_are()
    {
        // A cost centre drawn per row: a million values, each once. With three bits a key and the bits cleared at a quarter
        // full, a key passes wrongly at most one time in 64 and about one in 250 on average.
        var doorkeeper = new Doorkeeper(16);
        var random = new Random(7);
        var admitted = Enumerable.Range(0, 1_000_000).Count(_ => doorkeeper.SeenBefore(random.Next()));

        Assert.InRange(admitted, 1_000, 8_000);
    }

    [Fact]
    public void A_repeating_value_is_let_in_among_a_stream_of_unique_ones()
    {
        var doorkeeper = new Doorkeeper(16);
        var random = new Random(8);
        var repeating = "Clinical Genetics".GetHashCode(StringComparison.Ordinal);
        var letIn = 0;
        for (var row = 0; row < 100_000; row++)
        {
            _ = doorkeeper.SeenBefore(random.Next());
            if (row % 100 == 0 && doorkeeper.SeenBefore(repeating))
            {
                letIn++;
            }
        }

        // Only the sighting after each clearing is a first one again: about every 6,300 new keys here (three bits each, some
        // already set, cleared at 16,384 of 65,536).
        Assert.InRange(letIn, 960, 999);
    }
}
