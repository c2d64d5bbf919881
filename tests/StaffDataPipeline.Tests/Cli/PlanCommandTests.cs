using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Cli;

/// <summary>`staffdata plan` as a planner runs it: a real process over a real warehouse.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Plan_records_a_run_with_the_default_seed_and_says_where_to_query_it()
    {
        Assert.Equal(0, CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr")).ExitCode);

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "plan", "--runs", "50");

        Assert.True(exit == 0, output + error);
        Assert.Contains("Plan run 1 (baseline): data as of 2023-10-31", output, StringComparison.Ordinal);
        Assert.Contains("seed 20240401, 50 runs", output, StringComparison.Ordinal);
        Assert.Contains("years 0 to 10", output, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM plan_projection WHERE run_id = 1", output, StringComparison.Ordinal);
        Assert.Equal(20240401L, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT seed FROM plan_run"));
        Assert.Equal(50L, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT runs FROM plan_run"));
        Assert.True(SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT COUNT(*) FROM plan_projection WHERE unit_kind = 'national' AND year = 10") > 0);
    }

    [Fact]
    public void Plan_on_an_empty_warehouse_says_what_to_do_and_a_bad_option_is_a_usage_error()
    {
        var (empty, _, emptyError) = CliRunner.Run(_dir.Path, null, "plan");
        Assert.Equal(2, empty);
        Assert.Contains("has no batches (check --database or Warehouse:*; a warehouse is filled by `staffdata load`); there is nothing to plan from.", emptyError, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")));

        var (bad, _, error) = CliRunner.Run(_dir.Path, null, "plan", "--runs", "0");
        Assert.Equal(2, bad);
        Assert.Contains("--runs must be a whole number from 1 to 100000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_scenarios_run_in_one_go_baseline_first_and_an_unknown_one_lists_those_there_are()
    {
        Assert.Equal(0, CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr")).ExitCode);

        var (unknown, _, error) = CliRunner.Run(_dir.Path, null, "plan", "--scenario", "baseline", "--scenario", "more-stpp");
        Assert.Equal(2, unknown);
        Assert.Contains("There is no scenario 'more-stpp': the scenarios are baseline, cancer-arm-growth, more-stp, retention-ltft", error, StringComparison.Ordinal);
        Assert.Equal(0L, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT COUNT(*) FROM plan_run"));

        var (exit, output, stderr) = CliRunner.Run(_dir.Path, null, "plan", "--runs", "20", "--scenario", "more-stp", "--scenario", "baseline");

        Assert.True(exit == 0, output + stderr);
        Assert.Contains("Plan run 1 (baseline)", output, StringComparison.Ordinal);
        Assert.Contains("Plan run 2 (more-stp)", output, StringComparison.Ordinal);
        Assert.Contains("STP-GEN (Scientist Training Programme: genomics) commissions +20% from 2026", output, StringComparison.Ordinal);
        Assert.Contains("WHERE run_id IN (1, 2)", output, StringComparison.Ordinal);
        var db = _dir.File("staffdata.db");
        Assert.Equal("more-stp", SqliteFile.Scalar<string>(db, "SELECT scenario FROM plan_run WHERE run_id = 2"));
        Assert.Equal(SqliteFile.Scalar<long>(db, "SELECT seed FROM plan_run WHERE run_id = 1"), SqliteFile.Scalar<long>(db, "SELECT seed FROM plan_run WHERE run_id = 2"));
        Assert.StartsWith(SqliteFile.Scalar<string>(db, "SELECT assumptions_version FROM plan_run WHERE run_id = 1") + ".S.", SqliteFile.Scalar<string>(db, "SELECT assumptions_version FROM plan_run WHERE run_id = 2"), StringComparison.Ordinal);
        Assert.Equal(0L, SqliteFile.Scalar<long>(db, "SELECT COUNT(*) FROM v_supply_projection WHERE run_id = 2"));
    }
}
