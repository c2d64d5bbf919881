using StaffDataPipeline.SqlServer.Diagnostics;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// On SQL Server the number of commands a file costs must not grow with its rows: facts stream through one bulk copy
/// and the commit is set-based. Counted through SqlClient's diagnostic events. Runs when STAFFDATA_TEST_SQLSERVER is set.
/// </summary>
[Collection(RoundTripsAlone.Name)]
public sealed class SqlServerRoundTripTests : IDisposable
{
    private readonly SqlServerWarehouseProvider _provider = new();
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [SkippableFact]
    public async Task A_file_ten_times_longer_costs_the_same_number_of_commands()
    {
        var pipeline = TestPipeline.Create(_provider.CreateWarehouse(Reference.Data));
        await pipeline.RunAsync([Esr("RGT_warmup_2023-08.csv", "RGT", 50)], dryRun: false, null, CancellationToken.None);

        var small = await CommandsFor(pipeline, Esr("R0A_small_2023-09.csv", "R0A", 500));
        var large = await CommandsFor(pipeline, Esr("RJ1_large_2023-09.csv", "RJ1", 5_000));

        Assert.True(small > 0, "no SqlClient command was observed");
        Assert.Equal(small, large);
    }

    private static async Task<int> CommandsFor(LoadPipeline pipeline, string file)
    {
        using var counter = new SqlCommandCounter();
        var report = (await pipeline.RunAsync([file], dryRun: false, null, CancellationToken.None)).Single();
        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        return counter.Count;
    }

    private string Esr(string name, string org, int rows) => _dir.Write(
        name,
        "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE\n" +
        string.Concat(Enumerable.Range(0, rows).Select(i => $"{30000000 + i},{30000000 + i}-1,{org},Clinical Scientist,Genomics Laboratory,Band 7,1.0\n")));
}

/// <summary>
/// SqlClient's diagnostic events are process-wide: the round-trip count is only the file's own when no other test
/// talks to SQL Server at the same time, so this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RoundTripsAlone
{
    public const string Name = "SQL Server round trips alone";
}
