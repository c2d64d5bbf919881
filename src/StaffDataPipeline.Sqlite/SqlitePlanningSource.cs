using Microsoft.Data.Sqlite;
using StaffDataPipeline.Planning;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// The plan's reads on the SQLite warehouse, from the tables derived at load (derived_person_month,
/// derived_organisation_snapshot) and the survey returns. Aggregates only; route and year decisions are Core's
/// (<see cref="PlanningReadRows"/>).
/// </summary>
public sealed class SqlitePlanningSource(string databasePath) : IPlanningSource
{
    public Task<PlanningInputs?> ReadAsync(TraineeRoutes routes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
        using var connection = File.Exists(databasePath) ? SqliteConnections.Open(databasePath) : null;
        if (connection is null || !SqliteConnections.HasTable(connection, "derived_organisation_snapshot"))
        {
            return Task.FromResult<PlanningInputs?>(null);
        }

        var snapshots = SqliteRows.Read(connection, SqlitePlanningStatements.Snapshots, r => (Organisation: r.GetString(0), Key: r.GetInt64(1)));
        if (snapshots.Count == 0)
        {
            return Task.FromResult<PlanningInputs?>(null);
        }

        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = SqlitePlanningStatements.TempTables;
            setup.ExecuteNonQuery();
        }

        Insert(connection, "INSERT INTO temp.plan_trainee_role (role_code) VALUES ($a)", routes.TraineeRoles.Select(r => new object[] { r }));
        var windows = snapshots.GroupBy(s => s.Organisation, StringComparer.Ordinal)
            .SelectMany(g => FlowWindows.Choose(g.Key, [.. g.Select(s => PlanningReadRows.DateOf(s.Key))]))
            .Select(w => new object[] { w.OrganisationCode, PlanningReadRows.DateKeyOf(w.Start), PlanningReadRows.DateKeyOf(w.End), w.Months });
        Insert(connection, "INSERT INTO temp.plan_window (organisation_id, start_key, end_key, months) SELECT organisation_id, $b, $c, $d FROM dim_organisation WHERE organisation_code = $a", windows);

        var stock = SqliteRows.Read(connection, SqlitePlanningStatements.Stock, r => new StockCell(r.GetString(0), r.GetString(1), PlanningReadRows.AgeBandOf(r.GetString(2)), r.GetInt32(3), r.GetDouble(4)));
        var dataAsOf = PlanningReadRows.DateOf(snapshots.Max(s => s.Key));
        var starts = SqliteRows.Read(connection, SqlitePlanningStatements.FlowStarts, r => new FlowStartRow(r.GetString(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)));
        var ends = SqliteRows.Read(connection, SqlitePlanningStatements.FlowEnds, r => new FlowEndRow(r.GetString(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)));
        var moves = SqliteRows.Read(connection, SqlitePlanningStatements.Moves, r => new MoveCell(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4)));
        var inPost = SqliteRows.Read(connection, SqlitePlanningStatements.TraineesInPost, TraineeRowOf);
        var started = SqliteRows.Read(connection, SqlitePlanningStatements.TraineeStarts, TraineeRowOf);
        var demand = SqliteRows.Read(connection, SqlitePlanningStatements.Demand, r => new DemandCell(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5)) { InPostFte = r.IsDBNull(6) ? null : r.GetDouble(6) });
        var inputs = new PlanningInputs(dataAsOf, stock, PlanningReadRows.Flows(starts, ends), PlanningReadRows.Trainees(inPost, routes), PlanningReadRows.Starters(started, routes), demand) { Moves = moves };
        return Task.FromResult<PlanningInputs?>(inputs);
    }

    private static TraineeRow TraineeRowOf(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt32(6), r.GetDouble(7));

    private static void Insert(SqliteConnection connection, string sql, IEnumerable<object[]> rows)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters.AddWithValue("$" + (char)('a' + i), row[i]);
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
