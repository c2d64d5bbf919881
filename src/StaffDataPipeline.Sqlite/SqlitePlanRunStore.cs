using System.Globalization;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Planning;

namespace StaffDataPipeline.Sqlite;

/// <summary>Records plan runs in plan_run, plan_projection, plan_commission and plan_demand, in one transaction.</summary>
public sealed class SqlitePlanRunStore(string databasePath) : IPlanRunStore
{
    public Task<long> RecordAsync(PlanRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = SqliteConnections.Open(databasePath);
        using var transaction = connection.BeginTransaction();
        var result = record.Result;
        using var run = Command(connection, transaction,
            """
            INSERT INTO plan_run (ran_at, data_as_of, assumptions_version, scenario, seed, runs)
            VALUES ($ran_at, $data_as_of, $version, $scenario, $seed, $runs) RETURNING run_id
            """);
        run.Parameters.AddWithValue("$ran_at", SqliteConnections.Timestamp(record.RanAt));
        run.Parameters.AddWithValue("$data_as_of", result.DataAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        run.Parameters.AddWithValue("$version", result.AssumptionsVersion);
        run.Parameters.AddWithValue("$scenario", result.Scenario);
        run.Parameters.AddWithValue("$seed", checked((long)result.Seed));
        run.Parameters.AddWithValue("$runs", result.Runs);
        var runId = (long)run.ExecuteScalar()!;

        using var line = Command(connection, transaction,
            """
            INSERT INTO plan_projection (run_id, unit_kind, unit_code, unit_name, role_code, role_family, is_family, year,
                supply_fte_p10, supply_fte_p50, supply_fte_p90, supply_heads_p50, demand_fte, gap_fte_p10, gap_fte_p50, gap_fte_p90,
                commissions_route_code, commissions_baseline, commissions_needed_p10, commissions_needed_p50, commissions_needed_p90, commissions_note,
                observed_months, observed_person_years, flags)
            VALUES ($a0, $a1, $a2, $a3, $a4, $a5, $a6, $a7, $a8, $a9, $a10, $a11, $a12, $a13, $a14, $a15, $a16, $a17, $a18, $a19, $a20, $a21, $a22, $a23, $a24)
            """);
        foreach (var r in PlanProjectionRows.Of(record))
        {
            Bind(line, runId, r.UnitKind, r.UnitCode, r.UnitName, r.RoleCode, r.RoleFamily, r.IsFamily ? 1 : 0, r.Year,
                Round(r.SupplyP10), Round(r.SupplyP50), Round(r.SupplyP90), Round(r.SupplyHeadsP50), Round(r.Demand), Round(r.GapP10), Round(r.GapP50), Round(r.GapP90),
                r.CommissionsRoute, Round(r.CommissionsBaseline), Round(r.NeededP10), Round(r.NeededP50), Round(r.NeededP90), r.CommissionsNote,
                r.ObservedMonths, Round(r.ObservedPersonYears), r.Flags);
            line.ExecuteNonQuery();
        }

        using var commission = Command(connection, transaction,
            """
            INSERT INTO plan_commission (run_id, unit_kind, unit_code, route_code, qualified_role_code, horizon_years, baseline_per_year, needed_p10, needed_p50, needed_p90, note)
            VALUES ($a0, $a1, $a2, $a3, $a4, $a5, $a6, $a7, $a8, $a9, $a10)
            """);
        foreach (var c in PlanProjectionRows.CommissionsOf(record))
        {
            Bind(commission, runId, c.UnitKind, c.UnitCode, c.RouteCode, c.QualifiedRole, c.Horizon, Round(c.Baseline), Round(c.NeededP10), Round(c.NeededP50), Round(c.NeededP90), c.Note);
            commission.ExecuteNonQuery();
        }

        using var demand = Command(connection, transaction,
            """
            INSERT INTO plan_demand (run_id, unit_kind, unit_code, role_code, role_family, is_family, service_area_code, service_area_name, phase, year,
                demand_fte, supply_share, supply_fte_p10, supply_fte_p50, supply_fte_p90, gap_fte_p10, gap_fte_p50, gap_fte_p90, split_note)
            VALUES ($a0, $a1, $a2, $a3, $a4, $a5, $a6, $a7, $a8, $a9, $a10, $a11, $a12, $a13, $a14, $a15, $a16, $a17, $a18)
            """);
        foreach (var d in PlanProjectionRows.DemandOf(record))
        {
            Bind(demand, runId, d.UnitKind, d.UnitCode, d.RoleCode, d.RoleFamily, d.IsFamily ? 1 : 0, d.ServiceAreaCode, d.ServiceAreaName, d.Phase, d.Year,
                Round(d.Demand), Round(d.SupplyShare), Round(d.SupplyP10), Round(d.SupplyP50), Round(d.SupplyP90), Round(d.GapP10), Round(d.GapP50), Round(d.GapP90), d.SplitNote);
            demand.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.FromResult(runId);
    }

    /// <summary>Four decimals, as the views show FTE.</summary>
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        command.Parameters.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$a" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }
    }
}
