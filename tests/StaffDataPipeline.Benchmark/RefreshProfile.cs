using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Benchmark;

/// <summary>Diagnostic: times each refresh statement for the latest month of a warehouse, then rolls back.</summary>
internal static class RefreshProfile
{
    public static void Run(string db, int dateKey)
    {
        var type = typeof(Sqlite.SqliteWarehouse).Assembly.GetType("StaffDataPipeline.Sqlite.SqliteDerivedTables")!;
        var statements = (string[])type.GetField("Statements", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        void Exec(string sql)
        {
            using var c = connection.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            c.ExecuteNonQuery();
        }

        Exec("CREATE TEMP TABLE IF NOT EXISTS derived_touched (organisation_id INTEGER NOT NULL, snapshot_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, snapshot_date_key)) WITHOUT ROWID;"
            + "CREATE TEMP TABLE IF NOT EXISTS derived_period (organisation_id INTEGER NOT NULL, end_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, end_date_key)) WITHOUT ROWID;");
        Exec(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO temp.derived_touched SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post WHERE snapshot_date_key = {dateKey}"));
        var times = new List<string>();
        foreach (var s in statements)
        {
            var clock = Stopwatch.StartNew();
            Exec(s);
            times.Add(clock.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture));
        }

        Console.WriteLine("refresh ms by statement: " + string.Join(" ", times));
        tx.Rollback();
    }
}
