using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// The samples give the same figures after every change to how the warehouse stores them: the staff in post, the flows
/// and the survey cells, compared line by line with what was committed in Fixtures/golden (made with the sqlite3
/// shell from queries.txt). A change that is meant to move a figure regenerates the file in the same commit, so the
/// diff shows which figures moved.
/// </summary>
public sealed class SampleFiguresTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Views() => ["summary", "flows", "survey"];

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_load_of_the_samples_gives_the_committed_figures(string view)
    {
        var path = _dir.File("warehouse.db");
        var pipeline = TestPipeline.Create(new SqliteWarehouse(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance));
        await pipeline.RunAsync([Repository.Samples("esr"), Repository.Samples("surveys")], dryRun: false, null, CancellationToken.None);
        var sql = File.ReadLines(Repository.Fixture(Path.Combine("golden", "queries.txt"))).Single(l => l.StartsWith(view + "|", StringComparison.Ordinal))[(view.Length + 1)..];

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        var actual = connection.Query<string>(sql).ToList();

        var expected = File.ReadAllLines(Repository.Fixture(Path.Combine("golden", $"samples-{view}.txt")));
        Assert.True(expected.Length > 100, $"only {expected.Length} golden lines");
        Assert.Equal(expected, actual);
    }
}
