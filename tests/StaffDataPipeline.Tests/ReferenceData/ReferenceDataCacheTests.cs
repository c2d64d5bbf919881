using StaffDataPipeline.Hosting;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.ReferenceData;

public sealed class ReferenceDataCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_folder_is_read_again_only_after_a_file_in_it_changed()
    {
        var folder = _dir.CopyReferenceData();
        var cache = new ReferenceDataCache(folder);

        var first = cache.Current();
        Assert.Same(first, cache.Current());

        File.AppendAllText(Path.Combine(folder, "title-synonyms.csv"), "hds,heads\n");
        var second = cache.Current();

        Assert.NotSame(first, second);
        Assert.NotEqual(first.Taxonomy.Version, second.Taxonomy.Version);
        Assert.Same(second, cache.Current());
    }
}
