using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// Binds a parsed statement against the catalog: every staffdata table or view it names must exist, and every column
/// it names through a table alias (or as an INSERT target column, or in an UPDATE's SET) must be one of that table's
/// columns. Aliases are scoped per query (innermost first, so correlated subqueries see their outer query), and
/// temporary tables, derived tables and CTEs are resolved from their own definitions. A typo that parses still fails.
/// </summary>
internal sealed class TSqlBinding : TSqlFragmentVisitor
{
    private readonly TSqlCatalog _catalog;
    private readonly Dictionary<string, HashSet<string>> _local = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stack<Dictionary<string, string>> _scopes = new();
    private readonly List<string> _problems = [];

    private TSqlBinding(TSqlCatalog catalog) => _catalog = catalog;

    public static IReadOnlyList<string> Problems(TSqlCatalog catalog, TSqlFragment tree)
    {
        var binding = new TSqlBinding(catalog);
        tree.Accept(new LocalDefinitions(binding._local));
        tree.Accept(binding);
        return binding._problems.Distinct().ToList();
    }

    public override void ExplicitVisit(QuerySpecification node) => InScope(node.FromClause, null, () => base.ExplicitVisit(node));

    public override void ExplicitVisit(UpdateSpecification node) => InScope(node.FromClause, node.Target, () =>
    {
        CheckSet(node);
        base.ExplicitVisit(node);
    });

    public override void ExplicitVisit(DeleteSpecification node) => InScope(node.FromClause, node.Target, () => base.ExplicitVisit(node));

    public override void Visit(NamedTableReference node)
    {
        var name = node.SchemaObject;
        if (name.SchemaIdentifier?.Value is "staffdata" && Columns(TSqlCatalog.Name(name)) is null)
        {
            _problems.Add($"no table or view {TSqlCatalog.Name(name)}");
        }
    }

    public override void Visit(ColumnReferenceExpression node)
    {
        var parts = node.MultiPartIdentifier?.Identifiers;
        if (parts is not { Count: 2 } || Resolve(parts[0].Value) is not { } table)
        {
            return;
        }

        if (Columns(table) is { } columns && !columns.Contains(parts[1].Value.ToLowerInvariant()))
        {
            _problems.Add($"{table} has no column {parts[1].Value} (as {parts[0].Value}.{parts[1].Value})");
        }
    }

    public override void Visit(InsertSpecification node)
    {
        if (node.Target is NamedTableReference target && Columns(Key(target.SchemaObject)) is { } columns)
        {
            foreach (var column in node.Columns)
            {
                var name = column.MultiPartIdentifier.Identifiers[^1].Value.ToLowerInvariant();
                if (!columns.Contains(name))
                {
                    _problems.Add($"{Key(target.SchemaObject)} has no column {name} (INSERT)");
                }
            }
        }
    }

    private void CheckSet(UpdateSpecification node)
    {
        var target = node.Target is NamedTableReference t
            ? (t.SchemaObject.SchemaIdentifier is null ? Resolve(t.SchemaObject.BaseIdentifier.Value) ?? Key(t.SchemaObject) : Key(t.SchemaObject))
            : null;
        if (target is null || Columns(target) is not { } columns)
        {
            return;
        }

        foreach (var set in node.SetClauses.OfType<AssignmentSetClause>())
        {
            var name = set.Column?.MultiPartIdentifier.Identifiers[^1].Value.ToLowerInvariant();
            if (name is not null && !columns.Contains(name))
            {
                _problems.Add($"{target} has no column {name} (UPDATE)");
            }
        }
    }

    private void InScope(FromClause? from, TableReference? target, Action visit)
    {
        var scope = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in (from?.TableReferences ?? []).Append(target).OfType<TableReference>())
        {
            Collect(reference, scope);
        }

        _scopes.Push(scope);
        visit();
        _scopes.Pop();
    }

    // The tables a FROM clause names directly (through joins), not those of nested queries.
    private void Collect(TableReference reference, Dictionary<string, string> scope)
    {
        switch (reference)
        {
            case NamedTableReference named:
                scope[named.Alias?.Value ?? named.SchemaObject.BaseIdentifier.Value] = Key(named.SchemaObject);
                break;
            case QueryDerivedTable { Alias: { } alias, QueryExpression: QuerySpecification q }:
                _local[alias.Value] = Outputs(q);
                scope[alias.Value] = alias.Value.ToLowerInvariant();
                break;
            case JoinTableReference join:
                Collect(join.FirstTableReference, scope);
                Collect(join.SecondTableReference, scope);
                break;
        }
    }

    private string? Resolve(string alias) =>
        _scopes.Select(s => s.GetValueOrDefault(alias)).FirstOrDefault(t => t is not null);

    private static string Key(SchemaObjectName name) =>
        name.SchemaIdentifier is null ? name.BaseIdentifier.Value.ToLowerInvariant() : TSqlCatalog.Name(name);

    private HashSet<string>? Columns(string table) =>
        _catalog.Tables.GetValueOrDefault(table)
        ?? (_catalog.Views.TryGetValue(table, out var view) ? view.Select(c => c.ToLowerInvariant()).ToHashSet() : null)
        ?? _local.GetValueOrDefault(table);

    private static HashSet<string> Outputs(QuerySpecification q) =>
        q.SelectElements.Select(e => e switch
        {
            SelectScalarExpression { ColumnName: { } alias } => alias.Value,
            SelectScalarExpression { Expression: ColumnReferenceExpression c } => c.MultiPartIdentifier.Identifiers[^1].Value,
            _ => "*",
        }).Select(n => n.ToLowerInvariant()).ToHashSet();

    /// <summary>Temporary tables (CREATE TABLE #x, SELECT … INTO #x) and CTEs, with their columns.</summary>
    private sealed class LocalDefinitions(Dictionary<string, HashSet<string>> local) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            if (node.SchemaObjectName.BaseIdentifier.Value.StartsWith('#'))
            {
                local[node.SchemaObjectName.BaseIdentifier.Value.ToLowerInvariant()] = node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value.ToLowerInvariant()).ToHashSet();
            }
        }

        public override void Visit(SelectStatement node)
        {
            if (node.Into is { } into && node.QueryExpression is QuerySpecification q)
            {
                local[into.BaseIdentifier.Value.ToLowerInvariant()] = Outputs(q);
            }
        }

        public override void Visit(CommonTableExpression node)
        {
            var q = node.QueryExpression switch
            {
                QuerySpecification spec => spec,
                BinaryQueryExpression { FirstQueryExpression: QuerySpecification first } => first,
                _ => null,
            };
            if (q is not null)
            {
                local[node.ExpressionName.Value.ToLowerInvariant()] = Outputs(q);
            }
        }
    }
}
