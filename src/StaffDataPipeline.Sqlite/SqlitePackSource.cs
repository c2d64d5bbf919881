using Microsoft.Data.Sqlite;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.Sqlite;

/// <summary>The planning pack's reads on the SQLite warehouse (<see cref="IPackSource"/>): aggregates by organisation, no person-level value.</summary>
public sealed class SqlitePackSource(string databasePath) : IPackSource
{
    public Task<PackFacts> ReadAsync(CancellationToken cancellationToken)
    {
        using var connection = File.Exists(databasePath) ? SqliteConnections.Open(databasePath) : null;
        if (connection is null || !SqliteConnections.HasTable(connection, "derived_organisation_snapshot") || !SqliteConnections.HasTable(connection, "survey_return"))
        {
            return Task.FromResult(PackFacts.None);
        }

        var esr = Rows(connection, SqlitePackStatements.Esr, r => new EsrCoverage(
            r.GetString(0), r.GetString(1), r.GetInt32(2), PlanningReadRows.DateOf(r.GetInt64(3)), PlanningReadRows.DateOf(r.GetInt64(4)), r.GetInt32(5), r.GetInt64(6)));
        var returns = Rows(connection, SqlitePackStatements.Returns, r => new ReturnCoverage(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), PlanningReadRows.DateOf(r.GetInt64(4)), r.GetInt64(5)));
        var workforce = Rows(connection, SqlitePackStatements.ReturnWorkforce, r => new ReturnWorkforce(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)));
        return Task.FromResult(new PackFacts(esr, returns, workforce));
    }

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
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
