using StaffDataPipeline.Sqlite;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// The page cache a batch's end (the duplicate check, the derived tables) runs with in a batch job (issue 25). A batch
/// whose facts came in no order of organisation (its organisation changed more than once in eight facts) read each of
/// their pages several times with the small cache (2 MB): it gets one sized to its facts, about 200 bytes each, up to
/// 16 MB. A batch grouped by organisation reads in order and keeps the small cache.
/// </summary>
public sealed class EndCacheTests
{
    [Theory]
    [InlineData(0, 0, 2_048)]
    [InlineData(10_485, 10_485, 2_048)]
    [InlineData(10_491, 10_000, 2_049)]
    [InlineData(48_654, 48_470, 9_502)]
    [InlineData(48_654, 6_082, 9_502)]
    [InlineData(83_886, 20_000, 16_383)]
    [InlineData(83_892, 83_892, 16_384)]
    [InlineData(1_500_000, 1_499_000, 16_384)]
    public void A_batch_not_grouped_by_organisation_gets_a_cache_sized_to_its_facts_up_to_16_MB(long stored, long organisationRuns, int kilobytes) =>
        Assert.Equal(kilobytes, SqliteBatchWriter.EndCacheKb(stored, organisationRuns));

    [Theory]
    [InlineData(48_654, 212)]
    [InlineData(48_654, 6_081)]
    [InlineData(1_500_000, 212)]
    public void A_batch_grouped_by_organisation_keeps_the_small_cache(long stored, long organisationRuns) =>
        Assert.Equal(2_048, SqliteBatchWriter.EndCacheKb(stored, organisationRuns));
}
