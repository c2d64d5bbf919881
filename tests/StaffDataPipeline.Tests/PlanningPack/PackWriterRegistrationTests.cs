using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.PlanningPack;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>The writers register themselves, one per format, and the hosts' composition has them.</summary>
public sealed class PackWriterRegistrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddPlanningPackWriters_registers_one_singleton_writer_per_format_even_when_called_twice()
    {
        using var services = new ServiceCollection().AddPlanningPackWriters().AddPlanningPackWriters().BuildServiceProvider();

        var writers = services.GetServices<IPackWriter>().ToList();
        Assert.Equal([".xlsx", ".html"], writers.Select(w => w.Extension));
        Assert.Same(writers[0], services.GetServices<IPackWriter>().First());
    }

    [Fact]
    public void The_hosts_composition_offers_both_writers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:SqlitePath"] = _dir.File("warehouse.db"),
            ["ReferenceData:Path"] = _dir.CopyReferenceData(),
        }).Build();
        using var services = StaffDataServices.Build(configuration);

        Assert.Equal([".html", ".xlsx"], services.GetServices<IPackWriter>().Select(w => w.Extension).Order(StringComparer.Ordinal));
    }
}
