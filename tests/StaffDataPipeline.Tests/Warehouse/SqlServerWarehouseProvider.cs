using Dapper;
using Microsoft.Data.SqlClient;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.SqlServer;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// A real SQL Server database per test class instance, made and dropped by the test, when STAFFDATA_TEST_SQLSERVER
/// holds a connection string to a server where the login may create databases. Without it every member throws
/// Xunit's SkipException, so each contract test reports itself skipped with the reason instead of passing unseen.
/// The contract's queries name tables without a schema; synonyms in dbo point them at the staffdata schema.
/// </summary>
public sealed class SqlServerWarehouseProvider : IWarehouseProvider
{
    public const string Variable = "STAFFDATA_TEST_SQLSERVER";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = $"staffdata_test_{Guid.NewGuid():N}";
    private bool _created;
    private bool _synonyms;

    private string ConnectionString => new SqlConnectionStringBuilder(_server) { InitialCatalog = _database }.ConnectionString;

    public IWarehouse CreateWarehouse(ReferenceDataSet reference) => new SqlServerWarehouse(Options(), reference);

    public IWarehouseReview CreateReview() => new SqlServerWarehouseReview(Options());

    public IBatchWithdrawal CreateWithdrawal(TimeProvider time) => new SqlServerBatchWithdrawal(Options(), time);

    public T Scalar<T>(string sql)
    {
        using var connection = Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    public IReadOnlyList<T> Query<T>(string sql)
    {
        using var connection = Open();
        return connection.Query<T>(sql).ToList();
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        connection.Execute(sql);
    }

    public void Dispose()
    {
        if (!_created)
        {
            return;
        }

        using var master = new SqlConnection(_server);
        master.Open();
        master.Execute($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}];");
    }

    internal SqlServerWarehouseOptions Options()
    {
        EnsureDatabase();
        return new SqlServerWarehouseOptions { ConnectionString = ConnectionString, RetryBaseDelay = TimeSpan.FromMilliseconds(100) };
    }

    private SqlConnection Open()
    {
        EnsureDatabase();
        var connection = new SqlConnection(ConnectionString);
        connection.Open();
        if (!_synonyms)
        {
            connection.Execute("""
                DECLARE @sql nvarchar(max) = N'';
                SELECT @sql += N'IF OBJECT_ID(N''dbo.' + o.name + N''') IS NULL CREATE SYNONYM dbo.' + QUOTENAME(o.name) + N' FOR staffdata.' + QUOTENAME(o.name) + N';'
                FROM sys.objects o WHERE o.schema_id = SCHEMA_ID(N'staffdata') AND o.type IN ('U', 'V');
                EXEC sp_executesql @sql;
                """);
            _synonyms = true;
        }

        return connection;
    }

    private void EnsureDatabase()
    {
        Skip.If(string.IsNullOrWhiteSpace(_server), $"SQL Server contract suite: set {Variable} to a connection string (a login that may create databases) to run it.");
        if (_created)
        {
            return;
        }

        using var master = new SqlConnection(_server);
        master.Open();
        master.Execute($"CREATE DATABASE [{_database}];");
        _created = true;
    }
}
