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

        var esr = SqliteRows.Read(connection, SqlitePackStatements.Esr, r => new EsrCoverage(
            r.GetString(0), r.GetString(1), r.GetInt32(2), PlanningReadRows.DateOf(r.GetInt64(3)), PlanningReadRows.DateOf(r.GetInt64(4)), r.GetInt32(5), r.GetInt64(6)));
        var returns = SqliteRows.Read(connection, SqlitePackStatements.Returns, r => new ReturnCoverage(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), PlanningReadRows.DateOf(r.GetInt64(4)), r.GetInt64(5)));
        var workforce = SqliteRows.Read(connection, SqlitePackStatements.ReturnWorkforce, r => new ReturnWorkforce(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)));
        return Task.FromResult(new PackFacts(esr, returns, workforce));
    }
}
