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

    /// <summary>Every row the query returns, a line each, its values joined by '|': for comparing what two warehouses hold.</summary>
    public static string Rows(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return string.Join("\n", connection.Query(sql).Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values)));
    }
}
