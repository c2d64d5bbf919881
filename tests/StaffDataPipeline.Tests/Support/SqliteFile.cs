using Dapper;
using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Tests.Support;

/// <summary>Asks a warehouse file one question, read-only, as an analyst would: for tests that check what a process wrote.</summary>
internal static class SqliteFile
{
    public static T Scalar<T>(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }
}
