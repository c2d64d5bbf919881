using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.SqlServer;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// What a first live run on SQL Server would hit (issue 23), proven here through Microsoft's T-SQL parser where the
/// shape of the SQL decides it: temporary tables in the database's collation, application locks with a finite wait and
/// a checked result, posts grouped on the key the fact insert joins on, column lengths equal to Core's limits, and the
/// loader's rights on the hangfire schema.
/// </summary>
public sealed class TSqlLiveRunShapeTests
{
    private static IEnumerable<(string Name, TSqlFragment Tree)> Statements() =>
        typeof(SqlServerStatements).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, TSqlCatalog.Parse((string)f.GetRawConstantValue()!).Tree));

    private static IEnumerable<(string Name, TSqlFragment Tree)> StatementsAndScripts() => Statements().Concat(TSqlCatalog.Shipped.Scripts);

    [Fact]
    public void Every_text_column_of_a_temporary_table_is_in_the_database_collation()
    {
        var found = 0;
        var problems = new List<string>();
        foreach (var (name, tree) in StatementsAndScripts())
        {
            var tables = new Collector<CreateTableStatement>();
            tree.Accept(tables);
            foreach (var table in tables.Found.Where(t => t.SchemaObjectName.BaseIdentifier.Value.StartsWith('#')))
            {
                foreach (var column in table.Definition.ColumnDefinitions.Where(IsText))
                {
                    found++;
                    if (!string.Equals(column.Collation?.Value, "DATABASE_DEFAULT", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{name}: {table.SchemaObjectName.BaseIdentifier.Value}.{column.ColumnIdentifier.Value} takes tempdb's collation");
                    }
                }
            }
        }

        Assert.True(found >= 10, $"only {found} temporary text columns were seen: the test no longer looks where it should");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_temporary_table_without_a_collation_is_caught()
    {
        var (tree, _) = TSqlCatalog.Parse("CREATE TABLE #t (code nvarchar(12) NOT NULL, n int NOT NULL);");
        var tables = new Collector<CreateTableStatement>();
        tree.Accept(tables);

        Assert.Null(Assert.Single(Assert.Single(tables.Found).Definition.ColumnDefinitions, IsText).Collation);
    }

    [Fact]
    public void Every_application_lock_waits_a_finite_time_and_its_result_is_checked()
    {
        var calls = 0;
        var problems = new List<string>();
        foreach (var (name, tree) in Statements())
        {
            var executes = new Collector<ExecuteSpecification>();
            tree.Accept(executes);
            foreach (var exec in executes.Found.Where(e => ProcedureName(e) == "sp_getapplock"))
            {
                calls++;
                var timeout = ((ExecutableProcedureReference)exec.ExecutableEntity).Parameters.FirstOrDefault(p => string.Equals(p.Variable?.Name, "@LockTimeout", StringComparison.OrdinalIgnoreCase));
                if (timeout is null || timeout.ParameterValue is UnaryExpression { UnaryExpressionType: UnaryExpressionType.Negative })
                {
                    problems.Add($"{name}: sp_getapplock without a finite @LockTimeout waits for ever");
                }

                if (exec.Variable is not { } result)
                {
                    problems.Add($"{name}: the return code of sp_getapplock is not kept, so a lock not granted goes unnoticed");
                    continue;
                }

                var ifs = new Collector<IfStatement>();
                tree.Accept(ifs);
                if (!ifs.Found.Any(i => i.ThenStatement is ThrowStatement && Mentions(i.Predicate, result.Name)))
                {
                    problems.Add($"{name}: no IF {result.Name} … THROW after sp_getapplock");
                }
            }
        }

        Assert.Equal(3, calls);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Posts_are_grouped_on_the_byte_exact_hash_the_fact_insert_joins_on()
    {
        var (tree, _) = TSqlCatalog.Parse(SqlServerStatements.CommitFacts);
        var selects = new Collector<SelectStatement>();
        tree.Accept(selects);
        var posts = (QuerySpecification)selects.Found.Single(s => s.Into?.BaseIdentifier.Value == "#posts").QueryExpression;

        // A GROUP BY on the descriptors follows their (case-insensitive) collation: "Clinical scientist" would fold
        // into "Clinical Scientist" while its facts look for their own hash, and fall out of the join.
        var grouping = Assert.Single(posts.GroupByClause.GroupingSpecifications);
        var column = Assert.IsType<ColumnReferenceExpression>(((ExpressionGroupingSpecification)grouping).Expression);
        Assert.Equal("post_hash", column.MultiPartIdentifier.Identifiers[^1].Value);
        Assert.Contains("JOIN staffdata.dim_position x ON x.post_hash = CAST(HASHBYTES('SHA2_256'", SqlServerStatements.CommitFacts, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int> Limits() => new()
    {
        { "staffdata.dim_organisation", "organisation_code", StoredLengths.OrganisationCode },
        { "staffdata.dim_organisation", "organisation_name", StoredLengths.OrganisationName },
        { "staffdata.dim_position", "position_title", StoredLengths.PositionTitle },
        { "staffdata.dim_position", "staff_group", StoredLengths.StaffGroup },
        { "staffdata.dim_position", "occupation_code", StoredLengths.OccupationCode },
        { "staffdata.dim_position", "area_of_work", StoredLengths.AreaOfWork },
        { "staffdata.dim_position", "job_role", StoredLengths.JobRole },
        { "staffdata.dim_position", "cost_centre", StoredLengths.CostCentre },
        { "staffdata.dim_position", "grade_as_written", StoredLengths.GradeAsWritten },
        { "staffdata.survey_line", "role_as_written", StoredLengths.SurveyRole },
        { "staffdata.survey_line", "grade_as_written", StoredLengths.SurveyGrade },
        { "staffdata.survey_line", "driver", StoredLengths.SurveyDriver },
        { "staffdata.fact_survey_comment", "question", StoredLengths.SurveyQuestion },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Core_quarantines_at_exactly_the_length_the_warehouse_column_holds(string table, string column, int limit) =>
        Assert.Equal(Lengths()[(table, column)], limit);

    [Fact]
    public void Every_staged_text_column_is_checked_at_its_declared_length_before_the_bulk_copy()
    {
        var declared = Lengths().Where(kv => kv.Key.Table == "staffdata.stage_fact").ToDictionary(kv => kv.Key.Column, kv => kv.Value);
        var text = SqlServerBulk.StagedFacts.Where(c => c.Type == typeof(string)).Select(c => c.Name).ToList();

        Assert.Equal(text.Order(StringComparer.Ordinal), SqlServerBulk.StagedLengths.Keys.Order(StringComparer.Ordinal));
        Assert.All(text, c => Assert.Equal(declared[c], SqlServerBulk.StagedLengths[c]));
    }

    [Fact]
    public void Bulk_copy_checks_constraints_so_the_loader_needs_no_ALTER_and_the_keys_stay_trusted()
    {
        Assert.True(SqlServerBulk.Options.HasFlag(SqlBulkCopyOptions.CheckConstraints));
        Assert.False(SqlServerBulk.Options.HasFlag(SqlBulkCopyOptions.TableLock));
        Assert.False(SqlServerBulk.Options.HasFlag(SqlBulkCopyOptions.KeepIdentity));
    }

    [Fact]
    public void Staging_is_copied_in_batches_below_the_lock_escalation_threshold()
    {
        var batch = new SqlServerWarehouseOptions().BulkCopyBatchSize;

        Assert.InRange(batch, 1, 4_999);
    }

    [Fact]
    public void The_loader_role_may_use_the_hangfire_schema_and_the_schema_exists_before_Hangfire_installs()
    {
        var grants = new Collector<GrantStatement>();
        var creates = new List<string>();
        foreach (var (_, tree) in TSqlCatalog.Shipped.Scripts)
        {
            tree.Accept(grants);
            var literal = new Collector<StringLiteral>();
            tree.Accept(literal);
            creates.AddRange(literal.Found.Select(l => l.Value));
        }

        var hangfire = grants.Found
            .Where(g => g.SecurityTargetObject?.ObjectKind == SecurityObjectKind.Schema
                        && g.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers[^1].Value == "hangfire"
                        && g.Principals.Any(p => p.Identifier?.Value == "staffdata_loader"))
            .SelectMany(g => g.Permissions.SelectMany(p => p.Identifiers.Select(i => i.Value.ToUpperInvariant())))
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "SELECT", "INSERT", "UPDATE", "DELETE" }, hangfire);
        Assert.Contains(creates, c => c.Contains("CREATE SCHEMA hangfire", StringComparison.Ordinal));
    }

    [Fact]
    public void The_loader_role_is_granted_no_DDL()
    {
        var grants = new Collector<GrantStatement>();
        foreach (var (_, tree) in TSqlCatalog.Shipped.Scripts)
        {
            tree.Accept(grants);
        }

        var toLoader = grants.Found.Where(g => g.Principals.Any(p => p.Identifier?.Value == "staffdata_loader"))
            .SelectMany(g => g.Permissions.SelectMany(p => p.Identifiers.Select(i => i.Value.ToUpperInvariant())))
            .ToHashSet();
        Assert.Subset(new HashSet<string> { "SELECT", "INSERT", "UPDATE", "DELETE" }, toLoader);
    }

    private static bool IsText(ColumnDefinition column) =>
        column.DataType is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.Char or SqlDataTypeOption.NChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NVarChar };

    private static string? ProcedureName(ExecuteSpecification exec) =>
        (exec.ExecutableEntity as ExecutableProcedureReference)?.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier.Value.ToLowerInvariant();

    private static bool Mentions(TSqlFragment fragment, string variable)
    {
        var variables = new Collector<VariableReference>();
        fragment.Accept(variables);
        return variables.Found.Any(v => string.Equals(v.Name, variable, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>(schema.table, column) → declared length of every sized text column in sql/sqlserver.</summary>
    private static Dictionary<(string Table, string Column), int> Lengths()
    {
        var lengths = new Dictionary<(string, string), int>();
        foreach (var (_, tree) in TSqlCatalog.Shipped.Scripts)
        {
            var creates = new Collector<CreateTableStatement>();
            tree.Accept(creates);
            foreach (var table in creates.Found)
            {
                Add(TSqlCatalog.Name(table.SchemaObjectName), table.Definition.ColumnDefinitions);
            }

            var alters = new Collector<AlterTableAddTableElementStatement>();
            tree.Accept(alters);
            foreach (var alter in alters.Found.Where(a => a.Definition?.ColumnDefinitions is { Count: > 0 }))
            {
                Add(TSqlCatalog.Name(alter.SchemaObjectName), alter.Definition.ColumnDefinitions);
            }
        }

        return lengths;

        void Add(string table, IEnumerable<ColumnDefinition> columns)
        {
            foreach (var column in columns.Where(IsText))
            {
                if (((SqlDataTypeReference)column.DataType).Parameters is [IntegerLiteral size])
                {
                    lengths[(table, column.ColumnIdentifier.Value.ToLowerInvariant())] = int.Parse(size.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }

    private sealed class Collector<T> : TSqlFragmentVisitor
        where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T found)
            {
                Found.Add(found);
            }
        }
    }
}
