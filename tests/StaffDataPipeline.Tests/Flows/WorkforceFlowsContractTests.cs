using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>
/// Joiners, leavers and role moves between consecutive snapshots, on every warehouse. The figures are worked by hand
/// from the people below, not computed by the code under test.
///
/// RGT, monthly, April missing:
///   P1 genetic counsellor, 1.0, every month.
///   P2 trainee genetic counsellor in January and February, qualified (GC) from March: a move, not a leaver.
///   P3 clinical scientist, 0.8, January only: leaves between January and February.
///   P4 clinical scientist, 0.6, joins in February.
///   P5 genetic counsellor with two assignments (0.5 and 0.3) every month: one person, 0.8 FTE.
///   P6 genetic counsellor, 1.0, joins in May (after the missing month).
///   P7 clinical scientist, 1.0, January to March, gone in May.
/// </summary>
public abstract class WorkforceFlowsContractTests : FlowsContractTests
{
    protected WorkforceFlowsContractTests(IWarehouseProvider provider)
        : base(provider)
    {
    }

    [SkippableFact]
    public async Task Joiners_leavers_and_moves_between_consecutive_snapshots_match_the_hand_worked_figures()
    {
        await LoadYear();

        Assert.Equal(
        [
            // period start, end, role: joiners (hc, fte), leavers (hc, fte), moves in, moves out, in post at start, at end, gap
            Flow("2024-01-31", "2024-02-29", "GC", 0, 0, 0, 0, 0, 0, 2, 2, 0),
            Flow("2024-01-31", "2024-02-29", "GC-TRAINEE", 0, 0, 0, 0, 0, 0, 1, 1, 0),
            Flow("2024-01-31", "2024-02-29", "LAB-CS", 1, 0.6, 1, 0.8, 0, 0, 2, 2, 0),
            Flow("2024-02-29", "2024-03-31", "GC", 0, 0, 0, 0, 1, 0, 2, 3, 0),
            Flow("2024-02-29", "2024-03-31", "GC-TRAINEE", 0, 0, 0, 0, 0, 1, 1, 0, 0),
            Flow("2024-02-29", "2024-03-31", "LAB-CS", 0, 0, 0, 0, 0, 0, 2, 2, 0),
            Flow("2024-03-31", "2024-05-31", "GC", 1, 1.0, 0, 0, 0, 0, 3, 4, 1),
            Flow("2024-03-31", "2024-05-31", "LAB-CS", 0, 0, 1, 1.0, 0, 0, 2, 1, 1),
        ],
            Flows());
    }

    [SkippableFact]
    public async Task A_missing_month_is_reported_as_a_gap_and_invents_no_flows()
    {
        await LoadYear();

        Assert.Equal([("RGT", new DateTime(2024, 3, 31), new DateTime(2024, 5, 31), 1L)],
            Provider.Query<(string, DateTime, DateTime, long)>("SELECT organisation_code, previous_snapshot_date, snapshot_date, missing_months FROM v_snapshot_gaps"));
        Assert.Equal(0L, Provider.Scalar<long>("SELECT COUNT(*) FROM v_workforce_flows WHERE period_end = '2024-04-30' OR period_start = '2024-04-30'"));
        Assert.Equal(2L, Provider.Scalar<long>("SELECT COUNT(*) FROM v_workforce_flows WHERE gap_flag = 1"));
    }

    [SkippableFact]
    public async Task A_resubmitted_month_recomputes_the_flows_that_depend_on_it()
    {
        await LoadYear();

        // February resubmitted: P3 had not left yet (leaves between February and March).
        await Load(Esr("RGT_2024-02_resubmitted.csv", [.. February(), P3]));

        var flows = Flows();
        Assert.Contains(Flow("2024-01-31", "2024-02-29", "LAB-CS", 1, 0.6, 0, 0, 0, 0, 2, 3, 0), flows);
        Assert.Contains(Flow("2024-02-29", "2024-03-31", "LAB-CS", 0, 0, 1, 0.8, 0, 0, 3, 2, 0), flows);
    }

    [SkippableFact]
    public async Task Turnover_over_12_months_follows_the_NHS_Digital_leaver_rate_and_stability_index()
    {
        // Two snapshots a year apart, nothing loaded between (so gap_flag is 1):
        //   GC: P1 and P5 at the start; P1, P2 (qualified, a move in) and P6 (a joiner) at the end; P5 left.
        //       leaver rate 1 / ((2 + 3) / 2) = 0.4; stability: of P1 and P5, P1 is still in post = 0.5.
        //   GC-TRAINEE: P2 at the start, nobody at the end; P2 moved, so no leaver: rate 0, stability 1.
        //   LAB-CS: P3 and P7 at the start, P4 at the end; both left: rate 2 / 1.5 = 1.3333, stability 0.
        await Load(Esr("RGT_2024-01.csv", P1, P2Trainee, P3, P5First, P5Second, P7));
        await Load(Esr("RGT_2025-01.csv", P1, P2Qualified, P4, P6));

        Assert.Equal(
        [
            ("GC", 2L, 3L, 1L, 0.4, 0.5, 1L),
            ("GC-TRAINEE", 1L, 0L, 0L, 0.0, 1.0, 1L),
            ("LAB-CS", 2L, 1L, 2L, 1.3333, 0.0, 1L),
        ],
            Provider.Query<(string, long, long, long, double, double, long)>(
                """
                SELECT role_code, staff_in_post_start, staff_in_post_end, leavers_headcount, leaver_rate, stability_index, gap_flag
                FROM v_workforce_turnover WHERE organisation_code = 'RGT' AND period_start = '2024-01-31' AND period_end = '2025-01-31' ORDER BY role_code
                """));
    }

    [SkippableTheory]
    [InlineData("Unique Nhs Identifier", 1L)]
    [InlineData("Employee Number", 0L)]
    public async Task A_person_who_moves_to_another_organisation_is_named_as_such_only_when_keyed_on_the_national_identifier(string identifier, long movers)
    {
        // N2 is a genetic counsellor at RGT in January and at R0A in February. With the national identifier that is a
        // move between organisations; with trust employee numbers, 2 at RGT and 2 at R0A need not be the same person.
        var header = $"{identifier},Organisation Code,Position Title,Area of Work,Pay Band,Assignment Status,FTE";
        string Row(int person, string organisation) => $"{person},{organisation},Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";
        await Load(Files.Write("RGT_national_2024-01.csv", string.Join("\n", header, Row(1, "RGT"), Row(2, "RGT")) + "\n"));
        await Load(Files.Write("R0A_national_2024-01.csv", string.Join("\n", header, Row(3, "R0A")) + "\n"));
        await Load(Files.Write("RGT_national_2024-02.csv", string.Join("\n", header, Row(1, "RGT")) + "\n"));
        await Load(Files.Write("R0A_national_2024-02.csv", string.Join("\n", header, Row(3, "R0A"), Row(2, "R0A")) + "\n"));

        Assert.Equal(
            [("R0A", 1L, movers, 0L, 0L), ("RGT", 0L, 0L, 1L, movers)],
            Provider.Query<(string, long, long, long, long)>(
                "SELECT organisation_code, joiners_headcount, joiners_from_other_organisation, leavers_headcount, leavers_to_other_organisation FROM v_workforce_flows ORDER BY organisation_code"));
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

    private static string[] February() => [P1, P2Trainee, P4, P5First, P5Second, P7];

    private async Task LoadYear()
    {
        await Load(Esr("RGT_2024-01.csv", P1, P2Trainee, P3, P5First, P5Second, P7));
        await Load(Esr("RGT_2024-02.csv", February()));
        await Load(Esr("RGT_2024-03.csv", P1, P2Qualified, P4, P5First, P5Second, P7));
        await Load(Esr("RGT_2024-05.csv", P1, P2Qualified, P4, P5First, P5Second, P6));
    }

    private List<(DateTime, DateTime, string, long, double, long, double, long, long, long, long, long)> Flows() =>
        Provider.Query<(DateTime, DateTime, string, long, double, long, double, long, long, long, long, long)>(
            """
            SELECT period_start, period_end, role_code, joiners_headcount, joiners_fte, leavers_headcount, leavers_fte,
                   moves_in, moves_out, staff_in_post_start, staff_in_post_end, gap_flag
            FROM v_workforce_flows WHERE organisation_code = 'RGT' ORDER BY period_start, role_code
            """).ToList();

    private static (DateTime, DateTime, string, long, double, long, double, long, long, long, long, long) Flow(
        string start, string end, string role, long joiners, double joinersFte, long leavers, double leaversFte, long movesIn, long movesOut, long startStock, long endStock, long gap) =>
        (DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture), role,
         joiners, joinersFte, leavers, leaversFte, movesIn, movesOut, startStock, endStock, gap);
}

public sealed class SqliteWorkforceFlowsContractTests : WorkforceFlowsContractTests
{
    public SqliteWorkforceFlowsContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

/// <summary>The same figures on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerWorkforceFlowsContractTests : WorkforceFlowsContractTests
{
    public SqlServerWorkforceFlowsContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
