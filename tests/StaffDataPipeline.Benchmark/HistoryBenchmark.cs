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
    private const int YearOn = 13;

    public static async Task RunAsync(string work, HistoryOptions options)
    {
        var folder = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"history_{options.Months}x{options.People}x{options.Organisations}"));
        var files = Directory.Exists(folder) && Directory.GetFiles(folder, "*.csv").Length == options.Months
            ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList()
            : HistoryGenerator.Write(folder, options).ToList();
        var db = Path.Combine(work, "history.db");
        Sqlite3Import.Delete(db);

        // Warm up first (JIT, reference data) on a throwaway warehouse, so that month 1 is timed as warm as month N.
        var warmup = Path.Combine(work, "history-warmup.db");
        Sqlite3Import.Delete(warmup);
        await using (var services = StaffDataServices.Build(Configuration(warmup)))
        {
            await services.GetRequiredService<LoadPipeline>().RunAsync(files.Take(2).ToList(), dryRun: false, null, CancellationToken.None);
        }

        Sqlite3Import.Delete(warmup);
        var seconds = new List<double>();
        var first = new List<(double Wall, double Cpu)>();
        var yearOn = new List<(double Wall, double Cpu)>();
        var last = new List<(double Wall, double Cpu)>();
        var yearBefore = Path.Combine(work, "history-year-before.db");
        await using (var services = StaffDataServices.Build(Configuration(db)))
        {
            var pipeline = services.GetRequiredService<LoadPipeline>();
            await pipeline.RunAsync([], dryRun: false, null, CancellationToken.None);
            foreach (var file in files.SkipLast(1))
            {
                seconds.Add((await TimedLoadAsync(pipeline, file)).Wall);
                if (seconds.Count == YearOn - 1)
                {
                    Checkpoint(db);
                    File.Copy(db, yearBefore, overwrite: true);
                }
            }
        }

        // Month 1 into an empty warehouse and month N onto the other N - 1, interleaved three times, so that whatever
        // else the machine is doing weighs on both alike; CPU time is the steadier figure on a shared machine.
        var before = Path.Combine(work, "history-before-last.db");
        Checkpoint(db);
        File.Copy(db, before, overwrite: true);
        for (var round = 0; round < 3; round++)
        {
            var fresh = Path.Combine(work, "history-first.db");
            Sqlite3Import.Delete(fresh);
            await using (var services = StaffDataServices.Build(Configuration(fresh)))
            {
                var pipeline = services.GetRequiredService<LoadPipeline>();
                await pipeline.RunAsync([], dryRun: false, null, CancellationToken.None);
                first.Add(await TimedLoadAsync(pipeline, files[0]));
            }

            Sqlite3Import.Delete(fresh);
            if (files.Count > YearOn)
            {
                // Month 13: the first with a whole period of flows and a 12-month turnover window, as month N has.
                File.Copy(yearBefore, fresh);
                await using var services = StaffDataServices.Build(Configuration(fresh));
                var pipeline = services.GetRequiredService<LoadPipeline>();
                await pipeline.RunAsync([], dryRun: false, null, CancellationToken.None);
                yearOn.Add(await TimedLoadAsync(pipeline, files[YearOn - 1]));
            }

            Sqlite3Import.Delete(fresh);
            Sqlite3Import.Delete(db);
            File.Copy(before, db);
            await using (var services = StaffDataServices.Build(Configuration(db)))
            {
                var pipeline = services.GetRequiredService<LoadPipeline>();
                await pipeline.RunAsync([], dryRun: false, null, CancellationToken.None);
                last.Add(await TimedLoadAsync(pipeline, files[^1]));
            }
        }

        File.Delete(before);
        Sqlite3Import.Delete(yearBefore);
        seconds.Add(last[^1].Wall);

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
        Console.Error.WriteLine($"every month's load in sequence, s: {string.Join(" ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))}");
        var (firstWall, firstCpu) = (Median(first.Select(f => f.Wall)), Median(first.Select(f => f.Cpu)));
        var (lastWall, lastCpu) = (Median(last.Select(f => f.Wall)), Median(last.Select(f => f.Cpu)));
        Console.WriteLine($"| load of one monthly file (median of 3, interleaved) | wall s | CPU s |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| month 1, into an empty warehouse | {firstWall:N2} | {firstCpu:N2} |");
        if (yearOn.Count > 0)
        {
            Console.WriteLine($"| month {YearOn}, onto {YearOn - 1} months | {Median(yearOn.Select(f => f.Wall)):N2} | {Median(yearOn.Select(f => f.Cpu)):N2} |");
        }

        Console.WriteLine($"| month {files.Count}, onto {files.Count - 1} months | {lastWall:N2} | {lastCpu:N2} |");
        Console.WriteLine($"| month {files.Count} ÷ month 1 | {lastWall / firstWall:N2} | {lastCpu / firstCpu:N2} |");
        if (yearOn.Count > 0)
        {
            Console.WriteLine($"| month {files.Count} ÷ month {YearOn} | {lastWall / Median(yearOn.Select(f => f.Wall)):N2} | {lastCpu / Median(yearOn.Select(f => f.Cpu)):N2} |");
        }
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

        // The plan on the same history, as `staffdata plan` runs it (issue 21's goal: ≤ 10 s and ≤ 300 MB with 1,000
        // runs), then with three scenarios beside the baseline and the planning pack written (issue 22's: ≤ 30 s);
        // then the two projection views again: they now read the baseline run just recorded.
        connection.Close();
        var plan = ChildPlan.Run(db, []);
        var packFolder = Path.Combine(work, "history-pack");
        var withPack = ChildPlan.Run(db, ["more-stp", "cancer-arm-growth", "retention-ltft"], packFolder);
        Console.WriteLine();
        Console.WriteLine("| `staffdata plan` on this history | runs | lines | wall s (process) | CPU s (process) | read s | model s | record s | pack s | pack MB | peak MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| baseline | {plan.Runs:N0} | {plan.Lines:N0} | {plan.Seconds:N1} | {plan.CpuSeconds:N1} | {plan.Read:N2} | {plan.Model:N2} | {plan.Record:N2} | - | - | {plan.PeakMb:N0} |");
        Console.WriteLine($"| baseline + 3 scenarios, with the pack | {withPack.Runs:N0} | {withPack.Lines:N0} | {withPack.Seconds:N1} | {withPack.CpuSeconds:N1} | {withPack.Read:N2} | {withPack.Model:N2} | {withPack.Record:N2} | {withPack.PackSeconds:N2} | {withPack.PackBytes / 1e6:N1} | {withPack.PeakMb:N0} |");
        connection.Open();
        Console.WriteLine();
        Console.WriteLine("| view, after the plan run | rows | SELECT COUNT(*) s | analyst query | rows | s |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        foreach (var (view, query, what) in analyst.Where(a => a.View.StartsWith("v_supply", StringComparison.Ordinal)))
        {
            var (count, countSeconds) = Time(connection, $"SELECT COUNT(*) FROM {view}");
            var (rows, querySeconds) = Time(connection, query);
            Console.WriteLine($"| `{view}` | {count:N0} | {countSeconds:N3} | {what} | {rows:N0} | {querySeconds:N3} |");
        }
    }

    private static async Task<(double Wall, double Cpu)> TimedLoadAsync(LoadPipeline pipeline, string file)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = (await pipeline.RunAsync([file], dryRun: false, null, CancellationToken.None)).Single();
        var wall = clock.Elapsed.TotalSeconds;
        self.Refresh();
        if (report.Status != FileLoadStatus.Loaded)
        {
            throw new InvalidOperationException($"{report.FileName}: {report.Status} {report.Message}");
        }

        return (wall, (self.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Checkpoint(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static IConfiguration Configuration(string db) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:SqlitePath"] = db,
            ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();

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
