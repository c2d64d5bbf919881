using Microsoft.SqlServer.TransactSql.ScriptDom;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// The SQL Server schema as Microsoft's own T-SQL parser reads sql/sqlserver: the tables with their columns, and the
/// views with their output columns. What the binding tests check every statement against.
/// </summary>
internal sealed class TSqlCatalog
{
    private TSqlCatalog(Dictionary<string, HashSet<string>> tables, Dictionary<string, List<string>> views, IReadOnlyList<(string Script, TSqlFragment Tree)> scripts)
    {
        Tables = tables;
        Views = views;
        Scripts = scripts;
    }

    public static TSqlCatalog Shipped { get; } = Load();

    public static string Folder => Path.Combine(Repository.Root, "sql", "sqlserver");

    /// <summary>schema.table (lower case) → its columns (lower case), computed columns included.</summary>
    public Dictionary<string, HashSet<string>> Tables { get; }

    /// <summary>schema.view (lower case) → its output columns, in order.</summary>
    public Dictionary<string, List<string>> Views { get; }

    public IReadOnlyList<(string Script, TSqlFragment Tree)> Scripts { get; }

    public static (TSqlFragment Tree, IList<ParseError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var tree = parser.Parse(reader, out var errors);
        return (tree, errors);
    }

    public static string Name(SchemaObjectName name) =>
        $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}".ToLowerInvariant();

    private static TSqlCatalog Load()
    {
        var tables = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var views = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var scripts = new List<(string, TSqlFragment)>();
        foreach (var file in Directory.GetFiles(Folder, "*.sql").OrderBy(f => f, StringComparer.Ordinal))
        {
            var (tree, errors) = Parse(File.ReadAllText(file));
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} does not parse: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
            }

            scripts.Add((Path.GetFileName(file), tree));
            foreach (var statement in ((TSqlScript)tree).Batches.SelectMany(b => b.Statements))
            {
                switch (statement)
                {
                    case CreateTableStatement table:
                        tables[Name(table.SchemaObjectName)] = table.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
                        break;
                    case AlterTableAddTableElementStatement alter when alter.Definition?.ColumnDefinitions is { Count: > 0 } added:
                        tables[Name(alter.SchemaObjectName)].UnionWith(added.Select(c => c.ColumnIdentifier.Value.ToLowerInvariant()));
                        break;
                    case ViewStatementBody view:
                        views[Name(view.SchemaObjectName)] = OutputColumns(view.SelectStatement.QueryExpression);
                        break;
                }
            }
        }

        // DbUp creates its journal itself (JournalToSqlTable("staffdata", "SchemaVersions")); the adapter reads it.
        tables["staffdata.schemaversions"] = ["id", "scriptname", "applied"];
        return new TSqlCatalog(tables, views, scripts);
    }

    private static List<string> OutputColumns(QueryExpression query)
    {
        var spec = query switch
        {
            QuerySpecification q => q,
            BinaryQueryExpression b => (QuerySpecification)b.FirstQueryExpression,
            QueryParenthesisExpression p => (QuerySpecification)p.QueryExpression,
            _ => throw new NotSupportedException(query.GetType().Name),
        };
        return spec.SelectElements.Select(e => e switch
        {
            SelectScalarExpression { ColumnName: { } alias } => alias.Value,
            SelectScalarExpression { Expression: ColumnReferenceExpression c } => c.MultiPartIdentifier.Identifiers[^1].Value,
            _ => throw new NotSupportedException($"a view column needs a name: {e.GetType().Name}"),
        }).ToList();
    }
}
