using StaffDataPipeline.Sqlite;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// The page cache a batch's end (the duplicate check, the derived tables) runs with (issue 25): one that holds the
/// batch's facts, about 200 bytes each, when that is more than the small cache and at most 16 MB; otherwise the small
/// cache, as before. A national file not grouped by organisation read each of its facts' pages several times without it.
/// </summary>
public sealed class EndCacheTests
{
    [Theory]
    [InlineData(0, 2_048)]
    [InlineData(10_000, 2_048)]
    [InlineData(48_654, 9_502)]
    [InlineData(83_886, 16_383)]
    [InlineData(83_887, 16_384)]
    [InlineData(83_892, 2_048)]
    [InlineData(1_500_000, 2_048)]
    public void The_end_holds_the_batch_facts_when_16_MB_can(long stored, int kilobytes) =>
        Assert.Equal(kilobytes, SqliteBatchWriter.EndCacheKb(stored));
}
