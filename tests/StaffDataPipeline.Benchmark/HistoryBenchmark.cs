using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.SampleGenerator;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// The analyst views over years of monthly history (issue 19): generates N months of a national genomics workforce
/// (HistoryGenerator), loads them one month at a time as `staffdata load` would (one warm process, so that the load
/// times compare months, not process starts), then times every analyst view: SELECT COUNT(*) and a query an analyst
/// would write. Goals: every view within a second, the last month's load within 1.2× the first's.
/// </summary>
internal static class HistoryBenchmark
{
    public static async Task RunAsync(string work, HistoryOptions options)
    {
        var folder = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"history_{options.Months}x{options.People}x{options.Organisations}"));
        var files = Directory.Exists(folder) && Directory.GetFiles(folder, "*.csv").Length == options.Months
            ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList()
            : HistoryGenerator.Write(folder, options).ToList();
        var db = Path.Combine(work, "history.db");
        Sqlite3Import.Delete(db);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:SqlitePath"] = db,
            ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        var seconds = new List<double>();
        await using (var services = StaffDataServices.Build(configuration))
        {
            var pipeline = services.GetRequiredService<LoadPipeline>();
            foreach (var file in files)
            {
                var clock = Stopwatch.StartNew();
                var report = (await pipeline.RunAsync([file], dryRun: false, null, CancellationToken.None)).Single();
                seconds.Add(clock.Elapsed.TotalSeconds);
                if (report.Status != FileLoadStatus.Loaded)
                {
                    throw new InvalidOperationException($"{report.FileName}: {report.Status} {report.Message}");
                }
            }
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        var facts = Scalar<long>(connection, "SELECT COUNT(*) FROM fact_staff_in_post");
        var megabytes = new FileInfo(db).Length / 1e6;
        var latest = Scalar<string>(connection, "SELECT MAX(calendar_date) FROM dim_date d JOIN derived_organisation_snapshot s ON s.snapshot_date_key = d.date_key");
        var yearAgo = DateOnly.ParseExact(latest, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var organisation = Scalar<string>(connection, "SELECT MIN(organisation_code) FROM dim_organisation o JOIN derived_organisation_snapshot s ON s.organisation_id = o.organisation_id");

        Console.WriteLine($"Analyst views over history: {options.Months} months × {options.People:N0} people × {options.Organisations} organisations, {facts:N0} facts, {megabytes:N0} MB ({megabytes * 1e6 / facts:N0} MB per million facts)");
        Console.WriteLine();
        var firstFew = Median(seconds.Take(3));
        var lastFew = Median(seconds.TakeLast(3));
        Console.WriteLine("| load of one monthly file | s |");
        Console.WriteLine("|---|---:|");
        Console.Error.WriteLine($"every month's load, s: {string.Join(" ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"| month 1 | {seconds[0]:N2} |");
        Console.WriteLine($"| month {seconds.Count} | {seconds[^1]:N2} |");
        Console.WriteLine($"| median of months 1–3 | {firstFew:N2} |");
        Console.WriteLine($"| median of the last 3 months | {lastFew:N2} |");
        Console.WriteLine($"| last ÷ first (medians) | {lastFew / firstFew:N2} |");
        Console.WriteLine();

        var analyst = new (string View, string Query, string What)[]
        {
            ("v_workforce_summary", $"SELECT role_code, SUM(headcount), SUM(fte) FROM v_workforce_summary WHERE snapshot_date = '{latest}' GROUP BY role_code", "national FTE by role, latest month"),
            ("v_snapshot_gaps", "SELECT * FROM v_snapshot_gaps ORDER BY organisation_code, snapshot_date", "every gap"),
            ("v_workforce_flows", $"SELECT * FROM v_workforce_flows WHERE organisation_code = '{organisation}' AND period_end > '{yearAgo}' ORDER BY period_end, role_code", "one organisation's flows over a year"),
            ("v_workforce_turnover", $"SELECT role_code, SUM(staff_in_post_start), SUM(staff_in_post_end), SUM(leavers_headcount), ROUND(SUM(leavers_headcount) / ((SUM(staff_in_post_start) + SUM(staff_in_post_end)) / 2.0), 4) FROM v_workforce_turnover WHERE period_end = '{latest}' GROUP BY role_code", "national turnover by role, latest 12 months"),
            ("v_supply_projection", $"SELECT * FROM v_supply_projection WHERE organisation_code = '{organisation}'", "one organisation's projection"),
            ("v_supply_demand_gap", $"SELECT * FROM v_supply_demand_gap WHERE organisation_code = '{organisation}'", "one organisation's supply beside demand"),
        };
        Console.WriteLine("| view | rows | SELECT COUNT(*) s | analyst query | rows | s |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        foreach (var (view, query, what) in analyst)
        {
            var (count, countSeconds) = Time(connection, $"SELECT COUNT(*) FROM {view}");
            var (rows, querySeconds) = Time(connection, query);
            Console.WriteLine($"| `{view}` | {count:N0} | {countSeconds:N3} | {what} | {rows:N0} | {querySeconds:N3} |");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Runs the query and reads every row: the count for COUNT(*), else the rows read.</summary>
    private static (long Rows, double Seconds) Time(SqliteConnection connection, string sql)
    {
        var clock = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0, first = 0;
        while (reader.Read())
        {
            if (rows++ == 0)
            {
                first = reader.IsDBNull(0) || reader.GetFieldType(0) != typeof(long) ? 0 : reader.GetInt64(0);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) ? first : rows, seconds);
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
