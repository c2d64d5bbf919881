using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Flows;

/// <summary>
/// The supply projection on every warehouse, against figures worked by hand (not by the code under test).
///
/// Assumptions: a 12-month window; one training route, GC-TRAINEE → GC, 2 years, completion 0.5.
/// RGT in January 2024: two trainees (Ta, Tb) and four counsellors, all 1.0 FTE. In January 2025: trainees Ta and Tc,
/// the same four counsellors. Over the year the trainee role lost one (Tb) from an average of two in post, a leaver
/// rate of 0.5 a year, and gained 1.0 FTE of joiners (Tc); the counsellors neither.
///
/// Each year the trainee pool T keeps (1 - 0.5), gains 1.0 and loses 1/2 to finishing training:
/// T(y+1) = 0.5 T(y) + 1.0 - 0.5 T(y) = 1.0, so T5 = T10 = 1.0. Counsellors gain completion 0.5 × 1/2 of the pool:
/// C(y+1) = C(y) + 0.25 T(y): C1 = 4 + 0.25 × 2 = 4.5, then 0.25 a year: C5 = 5.5, C10 = 6.75.
/// </summary>
public abstract class SupplyProjectionContractTests : FlowsContractTests
{
    protected SupplyProjectionContractTests(IWarehouseProvider provider)
        : base(provider)
    {
    }

    [SkippableFact]
    public async Task The_stock_flow_projection_matches_the_hand_worked_figures_and_names_its_assumptions()
    {
        var reference = Assumptions();
        string[] counsellors = [Counsellor(20), Counsellor(21), Counsellor(22), Counsellor(23)];
        await Load(Esr("RGT_2024-01.csv", [Trainee(10), Trainee(11), .. counsellors]), reference);
        await Load(Esr("RGT_2025-01.csv", [Trainee(10), Trainee(12), .. counsellors]), reference);

        var rows = Provider.Query<(string, long, double, string)>(
            "SELECT role_code, horizon_years, projected_fte, assumptions_version FROM v_supply_projection WHERE organisation_code = 'RGT' ORDER BY role_code, horizon_years");

        Assert.Equal(["GC 5", "GC 10", "GC-TRAINEE 5", "GC-TRAINEE 10"], rows.Select(r => $"{r.Item1} {r.Item2}"));
        Assert.Equal(5.5, rows[0].Item3, 3);
        Assert.Equal(6.75, rows[1].Item3, 3);
        Assert.Equal(1.0, rows[2].Item3, 3);
        Assert.Equal(1.0, rows[3].Item3, 3);
        Assert.All(rows, r => Assert.Equal(reference.SupplyAssumptions.Version, r.Item4));
        var gap = Provider.Query<(double, double)>("SELECT projected_supply_fte_5y, projected_supply_fte_10y FROM v_supply_demand_gap WHERE organisation_code = 'RGT' AND role_code = 'GC'").Single();
        Assert.Equal(5.5, gap.Item1, 3);
        Assert.Equal(6.75, gap.Item2, 3);
        Assert.All(Provider.Query<long>("SELECT observed_months FROM v_supply_projection"), m => Assert.Equal(12L, m));
    }

    [SkippableFact]
    public async Task A_qualified_role_with_no_one_in_post_yet_is_projected_from_its_trainees()
    {
        var reference = Assumptions();
        await Load(Esr("RGT_2024-01.csv", Trainee(10), Trainee(11)), reference);
        await Load(Esr("RGT_2025-01.csv", Trainee(10), Trainee(12)), reference);

        // No counsellor in post: C(y+1) = C(y) + 0.25 T(y) from 0 with T0 = 2 then 1.0: C5 = 0.5 + 4 × 0.25 = 1.5, C10 = 2.75.
        var gc = Provider.Query<(long, double)>("SELECT horizon_years, projected_fte FROM v_supply_projection WHERE role_code = 'GC' ORDER BY horizon_years");
        Assert.Equal(2, gc.Count);
        Assert.Equal(1.5, gc[0].Item2, 3);
        Assert.Equal(2.75, gc[1].Item2, 3);
    }

    [SkippableFact]
    public async Task Less_than_a_full_window_of_flows_gives_no_rates_rather_than_one_month_scaled_to_a_year()
    {
        var reference = Assumptions();
        string[] counsellors = [Counsellor(20), Counsellor(21), Counsellor(22), Counsellor(23)];
        await Load(Esr("RGT_2024-01.csv", counsellors), reference);
        await Load(Esr("RGT_2024-02.csv", [.. counsellors, Counsellor(24), Counsellor(25)]), reference);

        // Two joiners in one month would be 24 a year; with one month observed the stock is carried forward instead.
        Assert.Equal([(5L, 6.0, 1L), (10L, 6.0, 1L)], Provider.Query<(long, double, long)>("SELECT horizon_years, projected_fte, observed_months FROM v_supply_projection WHERE role_code = 'GC' ORDER BY horizon_years"));
    }

    private static string Trainee(int person) => $"{person},{person}-1,RGT,Trainee Genetic Counsellor,Clinical Genetics,Band 6,Active Assignment,1.0";

    private static string Counsellor(int person) => $"{person},{person}-1,RGT,Genetic Counsellor,Clinical Genetics,Band 7,Active Assignment,1.0";

    private ReferenceDataSet Assumptions()
    {
        var folder = Files.CopyReferenceData();
        File.WriteAllText(Path.Combine(folder, "training-routes.csv"), "trainee_role,qualified_role,training_years,completion_rate,notes\nGC-TRAINEE,GC,2,0.5,test\n");
        return ReferenceDataLoader.Load(folder);
    }
}

public sealed class SqliteSupplyProjectionContractTests : SupplyProjectionContractTests
{
    public SqliteSupplyProjectionContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

/// <summary>The same figures on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerSupplyProjectionContractTests : SupplyProjectionContractTests
{
    public SqlServerSupplyProjectionContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
