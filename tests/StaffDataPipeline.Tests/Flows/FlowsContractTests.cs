using StaffDataPipeline.Pipeline;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>What the flow and projection contracts share: a provider, small ESR exports written per test, and loading them.</summary>
public abstract class FlowsContractTests : IDisposable
{
    protected const string Header = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Pay Band,Assignment Status,FTE";

    protected FlowsContractTests(IWarehouseProvider provider) => Provider = provider;

    protected IWarehouseProvider Provider { get; }

    private protected TempDirectory Files { get; } = new();

    public void Dispose()
    {
        Provider.Dispose();
        Files.Dispose();
        GC.SuppressFinalize(this);
    }

    protected string Esr(string name, params string[] rows) => Files.Write(name, string.Join("\n", [Header, .. rows]) + "\n");

    /// <summary>Loads one file with the shipped reference data, or with <paramref name="reference"/>; it must load.</summary>
    protected async Task Load(string path, ReferenceDataSet? reference = null)
    {
        reference ??= Reference.Data;
        var pipeline = TestPipeline.Create(Provider.CreateWarehouse(reference), reference);
        var report = (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
        Assert.True(report.Status == FileLoadStatus.Loaded, $"{report.FileName}: {report.Status} {report.Message}");
    }
}
