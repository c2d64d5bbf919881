using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>
/// The refresh's person months are one grouping (the top assignment's order written as one integer, issue 25) where
/// 0012's text ranked over windows: on people with one, two and three assignments in a month, with ties in primary
/// flag and FTE, and on a generated month of people with up to five assignments each, FTEs of up to six decimals and
/// ties, both texts give the same rows: the role of the primary assignment, else of the largest FTE, else the smallest
/// role id, and the sum.
/// </summary>
public sealed class PersonMonthStatementTests : IDisposable
{
    private const string Header = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,Primary Assignment,FTE";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_refresh_and_the_0012_text_give_the_same_person_months()
    {
        var refreshed = await RefreshedAndRecomputedAsync(
        [
            "1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic,Band 7,Active Assignment,,0.4",
            "1,1-2,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,,0.4",
            "1,1-3,RGT,Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic,Band 6,Active Assignment,,0.3",
            "2,2-1,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,N,0.6",
            "2,2-2,RGT,Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic,Band 7,Active Assignment,Y,0.2",
            "3,3-1,RGT,Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic,Band 7,Active Assignment,,0.5",
            "3,3-2,RGT,Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic,Band 8a,Active Assignment,,0.5",
            "4,4-1,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,,1.0",
            "5,5-1,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,,0.1",
            "5,5-2,RGT,Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic,Band 7,Active Assignment,,0.2",
            "5,5-3,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 6,Active Assignment,,0.7",
        ]);
        Assert.Equal(5, refreshed.Count);
        Assert.True(refreshed.Select(r => r.Item4).Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_generated_month_of_people_with_several_assignments_gives_the_same_person_months()
    {
        string[] posts =
        [
            "Genetic Counsellor,Clinical Genetics,Add Prof Scientific and Technic",
            "Clinical Scientist,Genomics Laboratory,Healthcare Scientists",
            "Bioinformatician,Genomics Laboratory,Healthcare Scientists",
            "Consultant Clinical Geneticist,Clinical Genetics,Medical and Dental",
        ];
        string[] ftes = ["0.1", "0.2", "0.2", "0.3", "0.333333", "0.333334", "0.4", "0.5", "0.5", "0.6", "0.123456", "1.0", "0.05"];
        string[] primaries = ["", "", "Y", "N"];
        var random = new Random(25);
        var lines = new List<string>();
        for (var person = 1; person <= 400; person++)
        {
            var assignments = random.Next(1, 6);
            for (var a = 1; a <= assignments; a++)
            {
                lines.Add($"{person},{person}-{a},RGT,{posts[random.Next(posts.Length)]},Band 7,Active Assignment,{primaries[random.Next(primaries.Length)]},{ftes[random.Next(ftes.Length)]}");
            }
        }

        var refreshed = await RefreshedAndRecomputedAsync(lines);
        Assert.Equal(400, refreshed.Count);
        Assert.True(refreshed.Select(r => r.Item4).Distinct().Count() >= 3);
    }

    /// <summary>Loads the rows, then recomputes the person months with 0012's text; asserts both alike and returns them.</summary>
    private async Task<List<(long, long, long, long, double, long)>> RefreshedAndRecomputedAsync(List<string> rows)
    {
        var db = _dir.File("people.db");
        var path = _dir.File("RGT_2023-09.csv");
        File.WriteAllLines(path, [Header, .. rows]);
        var pipeline = TestPipeline.Create(new SqliteWarehouse(db, Reference.Data, NullLogger<SqliteWarehouse>.Instance));
        var report = Assert.Single(await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(rows.Count, report.Counts.Loaded);

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        const string PersonMonths = "SELECT organisation_id, snapshot_date_key, person_id, role_id, fte, national_identifier FROM derived_person_month ORDER BY 1, 2, 3";
        var refreshed = connection.Query<(long, long, long, long, double, long)>(PersonMonths).ToList();

        using var tx = connection.BeginTransaction();
        connection.Execute(
            """
            CREATE TEMP TABLE derived_touched (organisation_id INTEGER NOT NULL, snapshot_date_key INTEGER NOT NULL, PRIMARY KEY (organisation_id, snapshot_date_key)) WITHOUT ROWID;
            INSERT INTO temp.derived_touched SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post;
            DELETE FROM derived_person_month;
            """,
            transaction: tx);
        connection.Execute(PersonMonthsOf0012(), transaction: tx);

        Assert.Equal(refreshed, connection.Query<(long, long, long, long, double, long)>(PersonMonths, transaction: tx).ToList());
        Assert.DoesNotContain(PersonMonthsOf0012(), SqliteDerivedTables.Statements);
        return refreshed;
    }

    private static string PersonMonthsOf0012()
    {
        var migration = File.ReadAllText(Path.Combine(Repository.Root, "sql", "sqlite", "0012_derived_flows.sql")).ReplaceLineEndings("\n");
        var start = migration.IndexOf("INSERT INTO derived_person_month", StringComparison.Ordinal);
        const string End = "WHERE rank_in_person = 1;";
        var end = migration.IndexOf(End, start, StringComparison.Ordinal) + End.Length;
        Assert.True(start >= 0 && end > start);
        return migration[start..end];
    }
}
