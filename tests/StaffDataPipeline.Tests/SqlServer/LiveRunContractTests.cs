using StaffDataPipeline.Excel.Template;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// Data a first live run meets that small clean samples do not (issue 23), as part of the provider contract: run on
/// SQLite always and on SQL Server where STAFFDATA_TEST_SQLSERVER is set. Titles that differ only in case stay two
/// posts and keep every fact; a value longer than the warehouse keeps is quarantined with its row and column, never
/// quoted, and the rest of the file loads; no batch is left 'running'.
/// </summary>
public abstract class LiveRunContractTests : IDisposable
{
    private const string Header = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE\n";
    private readonly IWarehouseProvider _db;
    private readonly TempDirectory _dir = new();

    protected LiveRunContractTests(IWarehouseProvider provider) => _db = provider;

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Titles_that_differ_only_in_case_are_two_posts_and_every_fact_is_kept()
    {
        var csv = Header
            + "40000001,40000001-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"
            + "40000002,40000002-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"
            + "40000003,40000003-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,0.8\n"
            + "40000004,40000004-1,RGT,Clinical scientist,Genomics Laboratory,Band 7,1.0\n"
            + "40000005,40000005-1,RGT,CLINICAL SCIENTIST,Genomics laboratory,Band 7,0.5\n";

        var report = await Load(_dir.Write("RGT_cases_2023-09.csv", csv));

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(5, report.Counts.Loaded);
        Assert.Equal(5, _db.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal(5, _db.Scalar<long>("SELECT rows_loaded FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(4.3m, _db.Scalar<decimal>("SELECT SUM(fte) FROM fact_staff_in_post"));
        Assert.Equal(3, _db.Scalar<long>("SELECT COUNT(*) FROM dim_position"));
    }

    [SkippableFact]
    public async Task An_organisation_code_and_a_title_too_long_to_keep_are_quarantined_and_the_rest_loads()
    {
        var longCode = "RGT" + new string('X', StoredLengths.OrganisationCode - 2);
        var longTitle = "Clinical Scientist " + new string('y', StoredLengths.PositionTitle);
        // Enough rows that fit for two quarantined ones to stay below the file's rejection threshold.
        var fitting = string.Concat(Enumerable.Range(10, 40).Select(i => $"400000{i},400000{i}-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"));
        var csv = Header
            + "40000001,40000001-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"
            + $"40000002,40000002-1,{longCode},Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"
            + $"40000003,40000003-1,RGT,{longTitle},Genomics Laboratory,Band 7,1.0\n"
            + $"40000004,40000004-1,{longCode[..StoredLengths.OrganisationCode]},Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"
            + fitting;

        var report = await Load(_dir.Write("RGT_long_2023-09.csv", csv));

        Assert.True(report.Status == FileLoadStatus.Loaded, report.Message);
        Assert.Equal(42, report.Counts.Loaded);
        Assert.Equal([(3L, "Organisation Code"), (4L, "Position Title")], report.Rejections.Select(r => (r.RowNumber, r.Column)).Order());
        Assert.All(report.Rejections, r => Assert.Equal(StoredLengths.ReasonCode, r.ReasonCode));
        Assert.All(report.Rejections, r => Assert.DoesNotContain("XXXX", r.Message, StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Message.Contains($"{longCode.Length} characters long; the warehouse keeps at most {StoredLengths.OrganisationCode}", StringComparison.Ordinal));
        Assert.Equal(2, _db.Scalar<long>("SELECT COUNT(*) FROM rejected_row"));
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM load_batch WHERE status = 'running'"));
    }

    [SkippableFact]
    public async Task A_survey_driver_and_role_too_long_to_keep_are_quarantined_by_row_and_no_batch_is_left_running()
    {
        var spec = new SurveyWorkbookSpec
        {
            Cover = [("Organisation ODS code", "RGT"), ("Organisation name", "Cambridge"), ("Organisation type", "GLH"), ("Return period", "2024-25 Q2"), ("Service area", "Rare disease"), ("Template version", "1")],
            Workforce = [["GC", "Band 7", 3, 3, 4, 1, 0, 0], ["GC", "Band 6", 3, 3, 4, 1, 0, 0], ["GC", "Band 8a", 1, 1, 1, 0, 0, 0], ["Clinical Scientist", "Band 7", 5, 5, 5, 0, 0, 0],
                ["Clinical Scientist", "Band 6", 2, 2, 2, 0, 0, 0], ["Clinical Scientist", "Band 8a", 1, 1, 1, 0, 0, 0], ["Clinical Scientist " + new string('z', StoredLengths.SurveyRole), "Band 7", 5, 5, 5, 0, 0, 0]],
            Demand = [["GC", "Band 7", 5, 6, "Growth"], ["GC", "Band 6", 2, 3, "Growth"], ["Clinical Scientist", "Band 7", 5, 6, "Growth"], ["Clinical Scientist", "Band 6", 1, 2, "Growth"],
                ["GC", "Band 8a", 1, 2, new string('d', StoredLengths.SurveyDriver + 1)]],
        };
        var path = _dir.File("RGT_return.xlsx");
        SurveyWorkbookWriter.Write(path, spec);

        var report = await Load(path);

        // Two of twelve lines are over the return's 5 % threshold: the return is refused as a whole, with the two
        // lines named, and its batch closed (on SQL Server the over-long values never reach the bulk copy).
        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Equal([("Demand", 6L), ("Workforce", 8L)], report.Rejections.Select(r => (r.Sheet ?? string.Empty, r.RowNumber)).Order());
        Assert.All(report.Rejections, r => Assert.Equal(StoredLengths.ReasonCode, r.ReasonCode));
        Assert.All(report.Rejections, r => Assert.DoesNotContain("zzzz", r.Message, StringComparison.Ordinal));
        Assert.All(report.Rejections, r => Assert.DoesNotContain("dddd", r.Message, StringComparison.Ordinal));
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM load_batch WHERE status = 'running'"));
    }

    private async Task<FileLoadReport> Load(string path)
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data));
        return (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
    }
}

public sealed class SqliteLiveRunContractTests : LiveRunContractTests
{
    public SqliteLiveRunContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

public sealed class SqlServerLiveRunContractTests : LiveRunContractTests
{
    public SqlServerLiveRunContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
