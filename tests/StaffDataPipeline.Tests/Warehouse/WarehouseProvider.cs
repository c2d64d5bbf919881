using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// One warehouse under test. The contract tests run against every provider through this seam, as Dapper runs one
/// suite against several databases: SQLite always, SQL Server when a connection string is given.
/// </summary>
public interface IWarehouseProvider : IDisposable
{
    IWarehouse CreateWarehouse(StaffDataPipeline.ReferenceData.ReferenceDataSet reference);

    IWarehouseReview CreateReview();

    IBatchWithdrawal CreateWithdrawal(TimeProvider time);

    /// <summary>Runs a scalar query in the provider's SQL dialect (the analyst views are the same in all).</summary>
    T Scalar<T>(string sql);

    IReadOnlyList<T> Query<T>(string sql);

    void Execute(string sql);
}
