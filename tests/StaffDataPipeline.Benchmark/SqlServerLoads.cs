using System.Globalization;
using Dapper;
using Microsoft.Data.SqlClient;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// The same national cases loaded into SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string to a server
/// where the login may create databases (as the SQL Server contract tests use it): each file into a new database,
/// dropped after, in a child process composed as `staffdata load` composes it. Prints rows/s and the commands SqlClient
/// sent (round trips) per file. Without the variable the table says it was skipped and why.
/// </summary>
internal static class SqlServerLoads
{
    public const string Variable = "STAFFDATA_TEST_SQLSERVER";

    public static void Run(IReadOnlyList<(string Name, string File)> cases)
    {
        Console.WriteLine();
        Console.WriteLine("| SQL Server case | rows | staffdata load s | rows/s | round trips per file | peak RSS MB | facts stored |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            foreach (var (name, _) in cases)
            {
                Console.WriteLine($"| {name} | skipped: set {Variable} to a SQL Server connection string to run | — | — | — | — | — |");
            }

            return;
        }

        foreach (var (name, file) in cases)
        {
            var database = $"staffdata_bench_{Guid.NewGuid():N}";
            using (var master = new SqlConnection(server))
            {
                master.Execute($"CREATE DATABASE [{database}]");
            }

            try
            {
                var load = ChildLoad.Run([file], new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString, sqlServer: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {load.Read:N0} | {load.Seconds:N1} | {load.Read / load.Seconds:N0} | {load.RoundTrips:N0} | {load.PeakMb:N0} | {load.Stored:N0} |"));
            }
            finally
            {
                using var master = new SqlConnection(server);
                master.Execute($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}];");
            }
        }
    }
}
