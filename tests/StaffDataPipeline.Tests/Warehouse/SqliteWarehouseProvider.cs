using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>A real SQLite warehouse file in a temporary folder.</summary>
public sealed class SqliteWarehouseProvider : IWarehouseProvider
{
    private readonly TempDirectory _dir = new();

    public string DatabasePath => _dir.File("warehouse.db");

    public IWarehouse CreateWarehouse(ReferenceDataSet reference) => new SqliteWarehouse(DatabasePath, reference, NullLogger<SqliteWarehouse>.Instance);

    public IWarehouseReview CreateReview() => new SqliteWarehouseReview(DatabasePath);

    public IBatchWithdrawal CreateWithdrawal(TimeProvider time) => new SqliteBatchWithdrawal(DatabasePath, time);

    public T Scalar<T>(string sql)
    {
        using var c = Open();
        return c.ExecuteScalar<T>(sql)!;
    }

    public IReadOnlyList<T> Query<T>(string sql)
    {
        using var c = Open();
        return c.Query<T>(sql).ToList();
    }

    public void Execute(string sql)
    {
        using var c = Open();
        c.Execute(sql);
    }

    public void Dispose() => _dir.Dispose();

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        c.Open();
        return c;
    }
}
