using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Cli;

/// <summary>`staffdata withdraw` as a data engineer runs it: a real process on a real warehouse file.</summary>
public sealed class WithdrawCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    public void A_batch_that_is_not_a_number_is_named_in_words_not_as_a_type(string batch)
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "withdraw", batch, "--reason", "wrong folder");

        Assert.Equal(2, exit);
        Assert.Contains($"'{batch}' is not a batch number: give the number a load printed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Withdraw_takes_a_sample_month_out_says_what_is_current_and_the_file_loads_again()
    {
        var file = _dir.File("RGT_staff_in_post_2023-10.csv");
        File.Copy(Repository.Samples("esr", "RGT_staff_in_post_2023-10.csv"), file);
        var (loadExit, _, _) = CliRunner.Run(_dir.Path, null, "load", file);
        var heads = SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT SUM(headcount) FROM v_workforce_summary");

        var (noReason, _, noReasonError) = CliRunner.Run(_dir.Path, null, "withdraw", "1");
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "withdraw", "1", "--reason", "loaded from the wrong folder", "--by", "a.planner");
        var (missing, _, missingError) = CliRunner.Run(_dir.Path, null, "withdraw", "42", "--reason", "x");
        var (twice, _, twiceError) = CliRunner.Run(_dir.Path, null, "withdraw", "1", "--reason", "again");
        var (mistyped, _, mistypedError) = CliRunner.Run(_dir.Path, null, "withdraw", "1", "--reason", "x", "--database", "staffdta.db");
        var (reloadExit, reload, _) = CliRunner.Run(_dir.Path, null, "load", file);

        Assert.Equal(0, loadExit);
        Assert.Equal(2, noReason);
        Assert.Contains("--reason", noReasonError, StringComparison.Ordinal);
        Assert.True(exit == 0, output);
        Assert.Contains("Batch 1 (RGT_staff_in_post_2023-10.csv) is withdrawn", output, StringComparison.Ordinal);
        Assert.Equal(1, missing);
        Assert.Contains("There is no batch 42", missingError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missingError, StringComparison.Ordinal);
        Assert.Equal("withdrawn|a.planner|loaded from the wrong folder", SqliteFile.Scalar<string>(_dir.File("staffdata.db"), "SELECT status || '|' || withdrawn_by || '|' || withdrawn_reason FROM v_load_history WHERE batch_id = 1"));
        Assert.Equal(1, twice);
        Assert.Contains("already withdrawn", twiceError, StringComparison.Ordinal);
        Assert.Equal(2, mistyped);
        Assert.Contains("has no batches", mistypedError, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdta.db")));
        Assert.True(reloadExit == 0, reload);
        Assert.Contains("loaded", reload, StringComparison.Ordinal);
        Assert.Equal(heads, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT SUM(headcount) FROM v_workforce_summary"));
        Assert.Equal(2, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT MAX(batch_id) FROM fact_staff_in_post"));
    }
}
