using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Cli;

/// <summary>`staffdata plan --pack/--html`: a file no writer is registered for is refused before the plan runs.</summary>
public sealed class PlanPackOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_pack_file_no_writer_is_registered_for_is_a_usage_error_before_anything_runs()
    {
        Assert.Equal(0, CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr")).ExitCode);

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "plan", "--runs", "5", "--pack", "pack.pdf");

        Assert.True(exit == 2, output + error);
        Assert.Contains("pack.pdf: no planning pack writer is registered for '.pdf' files", error, StringComparison.Ordinal);
        Assert.Equal(0L, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT COUNT(*) FROM plan_run"));
        Assert.False(File.Exists(_dir.File("pack.pdf")));
    }
}
