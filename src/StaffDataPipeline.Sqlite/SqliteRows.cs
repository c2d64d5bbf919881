using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>Reads every row of a query into a list, mapped by the caller: the planning and pack reads (aggregates, a few thousand rows).</summary>
internal static class SqliteRows
{
    public static List<T> Read<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
