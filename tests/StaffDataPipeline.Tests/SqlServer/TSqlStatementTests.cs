using System.Reflection;
using StaffDataPipeline.SqlServer;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// Every statement the SQL Server adapter sends, and every view and script, parses with TSql160Parser and binds against
/// the tables sql/sqlserver creates. This is how the SQL Server path stays honest on machines that cannot run it.
/// </summary>
public sealed class TSqlStatementTests
{
    public static TheoryData<string> Statements() =>
        [.. typeof(SqlServerStatements).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_adapter_statement_parses_and_names_only_tables_and_columns_that_exist(string name)
    {
        var sql = (string)typeof(SqlServerStatements).GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

        var (tree, errors) = TSqlCatalog.Parse(sql);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{name}, line {e.Line}: {e.Message}")));
        var problems = TSqlBinding.Problems(TSqlCatalog.Shipped, tree);
        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void The_views_and_scripts_bind_against_the_tables()
    {
        var problems = TSqlCatalog.Shipped.Scripts.SelectMany(s => TSqlBinding.Problems(TSqlCatalog.Shipped, s.Tree).Select(p => $"{s.Script}: {p}")).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(10, TSqlCatalog.Shipped.Views.Count);
        Assert.True(TSqlCatalog.Shipped.Tables.Count >= 20, $"only {TSqlCatalog.Shipped.Tables.Count} tables were read");
    }

    [Fact]
    public void The_derived_tables_backfill_runs_the_refresh_statement_verbatim()
    {
        var migration = File.ReadAllText(Path.Combine(TSqlCatalog.Folder, "0009_derived_flows.sql")).ReplaceLineEndings("\n");

        Assert.Contains(SqlServerStatements.RefreshDerivedTables.ReplaceLineEndings("\n"), migration, StringComparison.Ordinal);
        var (tree, errors) = TSqlCatalog.Parse(SqlServerStatements.TouchedPairs + "\n" + SqlServerStatements.RefreshDerivedTables + "\n" + SqlServerStatements.DropTouched);
        Assert.Empty(errors);
        Assert.Empty(TSqlBinding.Problems(TSqlCatalog.Shipped, tree));
    }

    [Theory]
    [InlineData("SELECT f.ftee FROM staffdata.fact_staff_in_post f;", "has no column ftee")]
    [InlineData("SELECT 1 FROM staffdata.fact_staf_in_post f;", "no table or view staffdata.fact_staf_in_post")]
    [InlineData("INSERT INTO staffdata.dim_role (role_kode) VALUES (N'x');", "has no column role_kode")]
    [InlineData("UPDATE staffdata.load_batch SET statuss = 'x' WHERE batch_id = 1;", "has no column statuss")]
    [InlineData("WITH c AS (SELECT f.fte FROM staffdata.fact_staff_in_post f) SELECT c.ftx FROM c;", "has no column ftx")]
    public void A_typo_that_parses_still_fails_the_binding(string sql, string expected)
    {
        var (tree, errors) = TSqlCatalog.Parse(sql);

        Assert.Empty(errors);
        Assert.Contains(TSqlBinding.Problems(TSqlCatalog.Shipped, tree), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_idempotent_deploy_script_parses_and_guards_every_migration_with_the_journal()
    {
        var script = SqlServerMigrations.IdempotentScript();

        var (_, errors) = TSqlCatalog.Parse(script);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"line {e.Line}: {e.Message}")));
        foreach (var (name, _) in SqlServerMigrations.Scripts())
        {
            Assert.Contains($"NOT EXISTS (SELECT 1 FROM staffdata.SchemaVersions WHERE ScriptName = N'{name}')", script, StringComparison.Ordinal);
            Assert.Contains($"INSERT INTO staffdata.SchemaVersions (ScriptName, Applied) VALUES (N'{name}', GETDATE());", script, StringComparison.Ordinal);
        }

        Assert.Equal(Directory.GetFiles(TSqlCatalog.Folder, "*.sql").Length, SqlServerMigrations.Scripts().Count);
    }

    [Theory]
    [InlineData(1205, true)]
    [InlineData(1222, true)]
    [InlineData(4060, true)]
    [InlineData(40197, true)]
    [InlineData(40501, true)]
    [InlineData(40613, true)]
    [InlineData(49918, true)]
    [InlineData(49920, true)]
    [InlineData(-2, false)] // a client timeout: retrying repeats a commit that already took the whole timeout
    [InlineData(10054, true)]
    [InlineData(2627, false)] // unique key violation: a bug or a race, never retried blindly
    [InlineData(547, false)]  // foreign key violation
    [InlineData(208, false)]  // invalid object name: the schema is behind
    [InlineData(18456, false)] // login failed
    public void Only_transient_errors_are_retried(int number, bool transient) =>
        Assert.Equal(transient, SqlTransientErrors.IsTransient(number));

    [Theory]
    [InlineData("Server=db.nhs.example;Database=workforce;User ID=loader;Password=S3cret!;", "SQL Server db.nhs.example, database workforce")]
    [InlineData("Server=tcp:x.database.windows.net;Database=wf;Authentication=Active Directory Default;", "SQL Server tcp:x.database.windows.net, database wf")]
    [InlineData("Data Source=.;Integrated Security=SSPI;", "SQL Server ., database (default)")]
    public void A_connection_string_is_described_without_its_credentials(string connectionString, string expected)
    {
        var description = new SqlServerWarehouseOptions { ConnectionString = connectionString }.ConnectionDescription;

        Assert.Equal(expected, description);
        Assert.DoesNotContain("S3cret", description, StringComparison.Ordinal);
    }
}
