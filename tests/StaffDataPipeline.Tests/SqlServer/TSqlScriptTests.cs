using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// SQL Server cannot run on these machines, so its scripts are held to Microsoft's T-SQL parser (ScriptDom): every
/// migration parses, and the analyst views have the same names and columns, in the same order, as on SQLite.
/// </summary>
public sealed class TSqlScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Scripts() => [.. Directory.GetFiles(TSqlCatalog.Folder, "*.sql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_migration_parses_with_the_TSql160_parser(string script)
    {
        var (_, errors) = TSqlCatalog.Parse(File.ReadAllText(Path.Combine(TSqlCatalog.Folder, script)));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{script}, line {e.Line}, column {e.Column}: {e.Message}")));
    }

    [Fact]
    public void A_typo_is_a_parse_error_so_the_test_above_can_fail()
    {
        var (_, errors) = TSqlCatalog.Parse("CREATE TABLE staffdata.x (id int NOT NULL PRIMARY KEY,, name nvarchar(10));");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task The_analyst_views_have_the_same_names_and_columns_on_both_providers()
    {
        var path = _dir.File("warehouse.db");
        await new SqliteWarehouse(path, Reference.Data, NullLogger<SqliteWarehouse>.Instance).MigrateAsync(CancellationToken.None);
        using var sqlite = new SqliteConnection($"Data Source={path};Pooling=False");
        var sqliteViews = sqlite.Query<string>("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").ToList();

        Assert.Equal(sqliteViews, TSqlCatalog.Shipped.Views.Keys.Select(v => v["staffdata.".Length..]).Order(StringComparer.Ordinal));
        foreach (var view in sqliteViews)
        {
            var columns = sqlite.Query<string>($"SELECT name FROM pragma_table_info('{view}') ORDER BY cid").ToList();
            Assert.Equal(columns, TSqlCatalog.Shipped.Views[$"staffdata.{view}"]);
        }
    }
}
