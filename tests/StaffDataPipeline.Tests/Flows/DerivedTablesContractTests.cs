using System.Globalization;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>
/// The derived tables the analyst views read are kept at load, recomputing only what a batch touched. Whatever the
/// order and the resubmissions, they must equal those of a warehouse loaded from scratch with only the files that
/// stand: compared here table by table and view by view, through the codes (surrogate keys differ between warehouses).
/// </summary>
public abstract class DerivedTablesContractTests : FlowsContractTests
{
    private const string National = "Unique Nhs Identifier,Organisation Code,Position Title,Area of Work,Pay Band,Assignment Status,FTE";

    protected DerivedTablesContractTests(IWarehouseProvider provider)
        : base(provider)
    {
    }

    /// <summary>A second warehouse of the same provider: the one loaded from scratch.</summary>
    protected abstract IWarehouseProvider CreateOther();

    [SkippableFact]
    public async Task A_resubmitted_month_leaves_everything_as_if_only_the_resubmission_had_been_loaded()
    {
        // RGT January to May, April missing; February first loaded without P4 and with P9, then resubmitted.
        string[] february = [P1, P2Trainee, P4, P5First, P5Second, P7];
        string[] files =
        [
            Esr("RGT_2024-01.csv", P1, P2Trainee, P3, P5First, P5Second, P7),
            Esr("RGT_2024-02.csv", P1, P2Trainee, P5First, P7, P9),
            Esr("RGT_2024-03.csv", P1, P2Qualified, P4, P5First, P5Second, P7),
            Esr("RGT_2024-05.csv", P1, P2Qualified, P4, P5First, P5Second, P6),
            Esr("RGT_2025-02.csv", P1, P2Qualified, P6),
            Esr("RGT_2024-02_resubmitted.csv", february),
        ];
        foreach (var file in files)
        {
            await Load(file);
        }

        using var scratch = CreateOther();
        foreach (var file in files.Where(f => !f.EndsWith("RGT_2024-02.csv", StringComparison.Ordinal)))
        {
            await Load(scratch, file);
        }

        AssertSameDerivedData(scratch);
    }

    [SkippableFact]
    public async Task A_withdrawn_resubmission_and_a_withdrawn_month_leave_everything_as_if_they_had_never_been_loaded()
    {
        // February resubmitted by a wrong file, which is withdrawn (February's first file is current again); then
        // March withdrawn outright (the period January-March becomes January-May's neighbour again).
        string[] files =
        [
            Esr("RGT_2024-01.csv", P1, P2Trainee, P3, P5First, P5Second, P7),
            Esr("RGT_2024-02.csv", P1, P2Trainee, P4, P5First, P5Second, P7),
            Esr("RGT_2024-03.csv", P1, P2Qualified, P4, P5First, P5Second, P7),
            Esr("RGT_2024-05.csv", P1, P2Qualified, P4, P5First, P5Second, P6),
            Esr("RGT_2024-02_wrong.csv", P1, P2Qualified, P3, P6, P9),
        ];
        foreach (var file in files)
        {
            await Load(file);
        }

        var batches = Provider.Query<long>("SELECT batch_id FROM load_batch ORDER BY batch_id");

        var withdrawal = Provider.CreateWithdrawal(TimeProvider.System);
        await withdrawal.WithdrawAsync(new StaffDataPipeline.Warehouse.WithdrawalRequest(batches[4], "wrong file", "a.planner"), CancellationToken.None);
        await withdrawal.WithdrawAsync(new StaffDataPipeline.Warehouse.WithdrawalRequest(batches[2], "March was a test extract", "a.planner"), CancellationToken.None);

        using var scratch = CreateOther();
        foreach (var file in new[] { files[0], files[1], files[3] })
        {
            await Load(scratch, file);
        }

        AssertSameDerivedData(scratch);
    }

    [SkippableFact]
    public async Task A_month_loaded_late_splits_the_period_that_spanned_it()
    {
        string[] files =
        [
            Esr("RGT_2024-01.csv", P1, P2Trainee, P3, P5First, P5Second, P7),
            Esr("RGT_2024-03.csv", P1, P2Qualified, P4, P5First, P5Second, P7),
            Esr("RGT_2025-01.csv", P1, P2Qualified, P6),
            Esr("RGT_2024-02.csv", P1, P2Trainee, P4, P5First, P5Second, P7),
        ];
        foreach (var file in files)
        {
            await Load(file);
        }

        using var scratch = CreateOther();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            await Load(scratch, file);
        }

        AssertSameDerivedData(scratch);
        Assert.Equal(2L, Provider.Scalar<long>("SELECT COUNT(DISTINCT period_end) FROM v_workforce_flows WHERE period_end <= '2024-03-31'"));
    }

    [SkippableFact]
    public async Task A_resubmission_in_one_organisation_recomputes_the_movers_of_the_others()
    {
        // N2 leaves RGT after January; R0A's first February file has N2 (a move to R0A), its resubmission does not (N2
        // left the NHS), so RGT's leaver is no longer one to another organisation although RGT loaded nothing new.
        string Row(int person, string organisation, string fte = "1.0") => $"{person},{organisation},Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,{fte}";
        string Write(string name, params string[] rows) => Files.Write(name, string.Join("\n", [National, .. rows]) + "\n");
        string[] files =
        [
            Write("RGT_national_2024-01.csv", Row(1, "RGT"), Row(2, "RGT")),
            Write("R0A_national_2024-01.csv", Row(3, "R0A")),
            Write("RGT_national_2024-02.csv", Row(1, "RGT")),
            Write("R0A_national_2024-02.csv", Row(3, "R0A"), Row(2, "R0A")),
            Write("R0A_national_2024-02_resubmitted.csv", Row(3, "R0A", "0.9")),
        ];
        foreach (var file in files[..^1])
        {
            await Load(file);
        }

        Assert.Equal(1L, Provider.Scalar<long>("SELECT SUM(leavers_to_other_organisation) FROM v_workforce_flows"));
        await Load(files[^1]);
        Assert.Equal(0L, Provider.Scalar<long>("SELECT SUM(leavers_to_other_organisation) FROM v_workforce_flows"));
        using var scratch = CreateOther();
        foreach (var file in files.Where(f => !f.EndsWith("R0A_national_2024-02.csv", StringComparison.Ordinal)))
        {
            await Load(scratch, file);
        }

        AssertSameDerivedData(scratch);
    }

    [SkippableFact]
    public async Task Turnover_counts_as_leavers_only_those_in_post_at_the_start_and_not_at_the_end()
    {
        // RGT, every month from January 2024 to January 2025 (no gap). Genetic counsellors at the start: A, B, C, D.
        //   A stays all year (at an FTE that changes each month). B leaves after January and is back from June: in post at both ends, so not a leaver
        //   (the monthly flows count B leaving in February and joining in June). C becomes a clinical scientist in
        //   March: still in post in the organisation, not a leaver. D leaves after March for good: the one leaver.
        //   E joins as a counsellor in July.
        // GC: 4 at the start (A B C D), 3 at the end (A B E), 3 of the 4 still in post (A B C): 1 leaver,
        //     leaver rate 1 / ((4 + 3) / 2) = 0.2857, stability 3 / 4 = 0.75. (A sum of the monthly leavers would
        //     say 2, B and D: 0.5714, beside a stability index that counts B as staying.)
        // LAB-CS: nobody at the start, C at the end: no leavers, rate 0 / ((0 + 1) / 2) = 0, stability not defined.
        const string B = "2,2-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
        const string CCounsellor = "3,3-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
        const string CScientist = "3,3-2,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,1.0";
        const string D = "4,4-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
        const string E = "5,5-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
        for (var month = 0; month <= 12; month++)
        {
            var date = new DateOnly(2024, 1, 1).AddMonths(month);
            // A's FTE changes a little every month, so that no two months' files have the same bytes.
            var rows = new List<string> { string.Create(CultureInfo.InvariantCulture, $"1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,{0.8 + (month / 100.0):0.00}") };
            if (month == 0 || month >= 5)
            {
                rows.Add(B);
            }

            rows.Add(month < 2 ? CCounsellor : CScientist);
            if (month <= 2)
            {
                rows.Add(D);
            }

            if (month >= 6)
            {
                rows.Add(E);
            }

            await Load(Esr(string.Create(CultureInfo.InvariantCulture, $"RGT_{date:yyyy-MM}.csv"), [.. rows]));
        }

        Assert.Equal(
            [("GC", 4L, 3L, 1L, 0.2857, (double?)0.75, 0L), ("LAB-CS", 0L, 1L, 0L, 0.0, null, 0L)],
            Provider.Query<(string, long, long, long, double, double?, long)>(
                """
                SELECT role_code, staff_in_post_start, staff_in_post_end, leavers_headcount, leaver_rate, stability_index, gap_flag
                FROM v_workforce_turnover WHERE period_start = '2024-01-31' AND period_end = '2025-01-31' ORDER BY role_code
                """));
        Assert.Equal(2L, Provider.Scalar<long>("SELECT SUM(leavers_headcount) FROM v_workforce_flows WHERE role_code = 'GC' AND period_end <= '2025-01-31'"));
    }

    private const string P1 = "1,1-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
    private const string P2Trainee = "2,2-1,RGT,Trainee Genetic Counsellor,Clinical Genetics,Band 6,Active Assignment,1.0";
    private const string P2Qualified = "2,2-2,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
    private const string P3 = "3,3-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,0.8";
    private const string P4 = "4,4-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,0.6";
    private const string P5First = "5,5-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,0.5";
    private const string P5Second = "5,5-2,RGT,Genetic Counsellor,Cancer Genetics,Band 7,Active Assignment,0.3";
    private const string P6 = "6,6-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
    private const string P7 = "7,7-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,Active Assignment,1.0";
    private const string P9 = "9,9-1,RGT,Genetic Counsellor,Clinical Genetics,Band 8a,Active Assignment,0.4";

    internal static readonly string[] Comparisons =
    [
        """
        SELECT o.organisation_code, p.snapshot_date_key, k.person_key, r.role_code, p.fte, p.national_identifier
        FROM derived_person_month p JOIN dim_organisation o ON o.organisation_id = p.organisation_id
        JOIN dim_person k ON k.person_id = p.person_id JOIN dim_role r ON r.role_id = p.role_id
        """,
        """
        SELECT o.organisation_code, s.snapshot_date_key, s.previous_date_key
        FROM derived_organisation_snapshot s JOIN dim_organisation o ON o.organisation_id = s.organisation_id
        """,
        """
        SELECT o.organisation_code, t.start_date_key, t.end_date_key, r.role_code, t.staff_in_post_start, t.staff_in_post_end, t.still_in_post
        FROM derived_turnover t JOIN dim_organisation o ON o.organisation_id = t.organisation_id JOIN dim_role r ON r.role_id = t.role_id
        """,
        "SELECT * FROM v_workforce_summary",
        "SELECT * FROM v_snapshot_gaps",
        "SELECT * FROM v_workforce_flows",
        "SELECT * FROM v_workforce_turnover",
        "SELECT * FROM v_supply_projection",
    ];

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        double d => d.ToString("F6", CultureInfo.InvariantCulture),
        decimal m => m.ToString("F6", CultureInfo.InvariantCulture),
        float f => f.ToString("F6", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static List<string> Rows(IWarehouseProvider provider, string sql) =>
        provider.Query<dynamic>(sql)
            .Select(r => string.Join(" | ", ((IDictionary<string, object?>)r).Values.Select(Text)))
            .Order(StringComparer.Ordinal)
            .ToList();

    private void AssertSameDerivedData(IWarehouseProvider scratch)
    {
        Assert.NotEmpty(Rows(scratch, Comparisons[0]));
        foreach (var sql in Comparisons)
        {
            Assert.Equal(Rows(scratch, sql), Rows(Provider, sql));
        }
    }

    private static async Task Load(IWarehouseProvider provider, string path)
    {
        var pipeline = Support.TestPipeline.Create(provider.CreateWarehouse(Support.Reference.Data), Support.Reference.Data);
        var report = (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
        Assert.True(report.Status == Pipeline.FileLoadStatus.Loaded, $"{report.FileName}: {report.Status} {report.Message}");
    }
}

public sealed class SqliteDerivedTablesContractTests : DerivedTablesContractTests
{
    public SqliteDerivedTablesContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }

    protected override IWarehouseProvider CreateOther() => new SqliteWarehouseProvider();
}

/// <summary>The same on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerDerivedTablesContractTests : DerivedTablesContractTests
{
    public SqlServerDerivedTablesContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }

    protected override IWarehouseProvider CreateOther() => new SqlServerWarehouseProvider();
}
