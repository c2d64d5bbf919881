using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>samples/esr-monthly: a year for three organisations, with a missing month and a resubmission.</summary>
public sealed class MonthlySampleFlowsTests : IDisposable
{
    private readonly SqliteWarehouseProvider _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_year_of_monthly_samples_gives_flows_for_every_consecutive_month_and_flags_the_missing_one()
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data));
        var reports = await pipeline.RunAsync([Repository.Samples("esr-monthly")], dryRun: false, null, CancellationToken.None);

        Assert.Equal(39, reports.Count);
        Assert.All(reports, r => Assert.True(r.Succeeded, $"{r.FileName}: {r.Message}"));
        Assert.Equal([("RTH", 1L)], _db.Query<(string, long)>("SELECT organisation_code, missing_months FROM v_snapshot_gaps"));

        // Twelve periods for RTD and RHM (thirteen month ends), eleven for RTH (twelve, one period spanning the gap).
        Assert.Equal([("RHM", 12L, 0L), ("RTD", 12L, 0L), ("RTH", 11L, 1L)], _db.Query<(string, long, long)>(
            "SELECT organisation_code, COUNT(DISTINCT period_end), COUNT(DISTINCT CASE WHEN gap_flag = 1 THEN period_end END) FROM v_workforce_flows GROUP BY organisation_code ORDER BY organisation_code"));

        // October is when trainees qualify: moves out of the trainee roles equal moves into the qualified ones.
        var october = _db.Query<(string, long, long)>("SELECT role_code, SUM(moves_in), SUM(moves_out) FROM v_workforce_flows WHERE period_end = '2023-10-31' GROUP BY role_code");
        Assert.Equal(october.Where(r => r.Item1 is "GC-TRAINEE" or "LAB-CS-TRAINEE").Sum(r => r.Item3), october.Where(r => r.Item1 is "GC" or "LAB-CS").Sum(r => r.Item2));
        Assert.True(october.Sum(r => r.Item2) > 0);

        // Flows add up: stock at the end = stock at the start + joiners - leavers + moves in - moves out, in every row.
        Assert.Equal(0L, _db.Scalar<long>("SELECT COUNT(*) FROM v_workforce_flows WHERE staff_in_post_end <> staff_in_post_start + joiners_headcount - leavers_headcount + moves_in - moves_out"));

        // The November resubmission for RHM replaced the first file: its month has one more person than the first file had.
        Assert.Equal(1L, _db.Scalar<long>("SELECT COUNT(*) FROM load_batch WHERE file_name = 'RHM_staff_in_post_2023-11_resubmitted.csv' AND status = 'loaded'"));
        Assert.Equal(
            File.ReadAllLines(Repository.Samples("esr-monthly", "RHM_staff_in_post_2023-11_resubmitted.csv")).Length - 1,
            _db.Scalar<long>("SELECT SUM(headcount) FROM v_workforce_summary WHERE organisation_code = 'RHM' AND snapshot_date = '2023-11-30'"));
    }
}
