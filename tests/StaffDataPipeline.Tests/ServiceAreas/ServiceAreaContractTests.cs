using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Excel.Template;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.ServiceAreas;

/// <summary>
/// An ESR staff-in-post report whose cost centres name cancer services, loaded into a real warehouse: each fact
/// records its service area and the rule that decided it, the summary counts by service area, and the gap view meets
/// survey demand with supply where both state the service area. Figures worked by hand from the fixture:
///   GC      Cancer Genetics Service 1.0 + Familial Cancer Clinic 0.8 = Inherited cancer 1.8; Clinical Genetics 1.0 Unspecified.
///   LAB-CS  Solid Tumour 1.0 + Haemato-Oncology 0.6 + Somatic 1.0 = Cancer (somatic) 2.6; Genomics Laboratory 1.0 Unspecified.
///   A porter (Facilities) is out of scope and stored nowhere.
/// </summary>
public abstract class ServiceAreaContractTests : IDisposable
{
    private static readonly string Report = Repository.Fixture(Path.Combine("service-areas", "RGT_staff_in_post_2024-03.csv"));
    private readonly IWarehouseProvider _db;
    private readonly TempDirectory _dir = new();

    protected ServiceAreaContractTests(IWarehouseProvider provider) => _db = provider;

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Each_fact_records_the_service_area_of_its_place_and_the_rule_and_the_summary_counts_by_it()
    {
        var report = await Load(Report);

        Assert.Equal((8L, 7L, 1L), (report.Counts.Read, report.Counts.Loaded, report.Counts.OutOfScope));
        Assert.Equal(
            [
                (1L, "INHERITED-CANCER", "SA-03"), (2L, "INHERITED-CANCER", "SA-03"), (3L, "UNSPECIFIED", "DEFAULT-UNSPECIFIED"),
                (4L, "CANCER-SOMATIC", "SA-01"), (5L, "CANCER-SOMATIC", "SA-02"), (6L, "CANCER-SOMATIC", "SA-01"), (7L, "UNSPECIFIED", "DEFAULT-UNSPECIFIED"),
            ],
            _db.Query<(long, string, string)>(
                "SELECT f.source_row - 1, a.service_area_code, f.service_area_rule FROM fact_staff_in_post f JOIN dim_service_area a ON a.service_area_id = f.service_area_id ORDER BY f.source_row"));
        Assert.Equal(
            [("Cancer (somatic)", "LAB-CS", 3L, 2.6), ("Inherited cancer", "GC", 2L, 1.8), ("Unspecified", "GC", 1L, 1.0), ("Unspecified", "LAB-CS", 1L, 1.0)],
            _db.Query<(string, string, long, double)>("SELECT service_area, role_code, headcount, fte FROM v_workforce_summary ORDER BY service_area, role_code"));
    }

    [SkippableFact]
    public async Task The_gap_view_meets_supply_and_demand_where_both_state_the_service_area_and_falls_back_to_unspecified()
    {
        // An inherited cancer return meets ESR's inherited cancer counsellors. The rare disease return names a service
        // area ESR does not (no cost centre says rare disease), and ESR's somatic scientists one no return does: both
        // fall back to the Unspecified row, where supply and demand met before service areas.
        var inherited = Spec("Inherited cancer") with { Workforce = [["GC", "Band 7", 2, 2, 2.5, 0.5, 0, 0]], Demand = [["GC", "Band 7", 3, 4, "Mainstreaming"]] };
        var rare = Spec("Rare disease") with
        {
            Workforce = [["GC", "Band 7", 4, 3, 4, 1, 0, 0], ["Clinical Scientist", "Band 7", 5, 5, 6, 0, 0, 0]],
            Demand = [["GC", "Band 7", 5, 6, "Whole genome sequencing"]],
        };
        await Load(Report);
        await Load(Return("ic.xlsx", inherited));
        await Load(Return("rd.xlsx", rare));

        var rows = _db.Query<(string, string, double?, double?, double?, double?, double?, double?)>(
            "SELECT service_area, role_code, esr_fte, establishment_wte, vacant_wte, projected_wte_5y, projected_wte_10y, projected_supply_fte_5y FROM v_supply_demand_gap WHERE organisation_code = 'RGT' ORDER BY role_code, service_area");

        Assert.Equal(["GC Inherited cancer", "GC Unspecified", "LAB-CS Unspecified"], rows.Select(r => $"{r.Item2} {r.Item1}"));
        Assert.Equal((1.8, 2.5, 0.5, 3.0, 4.0), Figures(rows[0]));
        Assert.Equal((1.0, 4.0, 1.0, 5.0, 6.0), Figures(rows[1]));
        Assert.Equal(3.6, rows[2].Item3!.Value, 4);
        Assert.Equal(6.0, rows[2].Item4!.Value, 4);

        // One snapshot: no flows, so the projection is the stock, shared between a role's rows by their ESR FTE.
        Assert.Equal(1.8, rows[0].Item8!.Value, 4);
        Assert.Equal(1.0, rows[1].Item8!.Value, 4);
        Assert.Equal(3.6, rows[2].Item8!.Value, 4);

        // Whatever the service areas, an organisation and role add up to what they did before service areas.
        Assert.Equal(
            [("GC", 2.8, 6.5, 8.0, 2.8), ("LAB-CS", 3.6, 6.0, 0.0, 3.6)],
            _db.Query<(string, double, double, double, double)>(
                "SELECT role_code, ROUND(SUM(esr_fte), 4), SUM(establishment_wte), COALESCE(SUM(projected_wte_5y), 0.0), ROUND(SUM(projected_supply_fte_5y), 4) FROM v_supply_demand_gap WHERE organisation_code = 'RGT' GROUP BY role_code ORDER BY role_code"));
    }

    [SkippableFact]
    public async Task Remap_reapplies_edited_service_area_rules_to_loaded_facts_and_decides_facts_loaded_before_the_rules()
    {
        await Load(Report);
        await Load(Return("rd.xlsx", Spec("Rare disease") with { Workforce = [["GC", "Band 7", 4, 3, 4, 1, 0, 0]], Demand = [] }));

        // A fact loaded before service-area rules existed: Unspecified, with no rule.
        _db.Execute("UPDATE fact_staff_in_post SET service_area_rule = NULL WHERE source_row = 8");

        // The workforce team decides the Clinical Genetics cost centre is the rare disease service.
        var folder = _dir.CopyReferenceData();
        File.AppendAllText(Path.Combine(folder, "service-area-rules.csv"), "SA-99,RARE-DISEASE,,,\\bclinical genetic\\b,\"the department's own cost centre is the rare disease service\"\n");
        var changed = ReferenceDataLoader.Load(folder);

        var result = await new RoleRemapper(changed.Mapper, changed.ServiceAreas, new FixedTimeProvider(DateTimeOffset.UnixEpoch)).RemapAsync(_db.CreateReview(), CancellationToken.None);

        Assert.Equal((0L, 2L), (result.PostsChanged, result.ServiceAreaFactsChanged));
        Assert.Equal(("RARE-DISEASE", "SA-99"), _db.Query<(string, string)>("SELECT a.service_area_code, f.service_area_rule FROM fact_staff_in_post f JOIN dim_service_area a ON a.service_area_id = f.service_area_id WHERE f.source_row = 4").Single());
        Assert.Equal("DEFAULT-UNSPECIFIED", _db.Scalar<string>("SELECT service_area_rule FROM fact_staff_in_post WHERE source_row = 8"));
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post WHERE service_area_rule IS NULL"));
        Assert.Equal([changed.Taxonomy.Version], _db.Query<string>("SELECT DISTINCT taxonomy_version FROM fact_staff_in_post"));

        // Supply and demand now meet on rare disease for the counsellor in Clinical Genetics.
        Assert.Equal(
            (1.0, 4.0),
            _db.Query<(double, double)>("SELECT esr_fte, establishment_wte FROM v_supply_demand_gap WHERE role_code = 'GC' AND service_area = 'Rare disease'").Single());

        // Remapping again with the same rules changes nothing.
        var again = await new RoleRemapper(changed.Mapper, changed.ServiceAreas, new FixedTimeProvider(DateTimeOffset.UnixEpoch)).RemapAsync(_db.CreateReview(), CancellationToken.None);
        Assert.Equal(0L, again.ServiceAreaFactsChanged);
    }

    private static (double?, double?, double?, double?, double?) Figures((string, string, double? Esr, double? Establishment, double? Vacant, double? Five, double? Ten, double?) row) =>
        (row.Esr is { } e ? Math.Round(e, 4) : null, row.Establishment, row.Vacant, row.Five, row.Ten);

    private static SurveyWorkbookSpec Spec(string area) => new()
    {
        Cover = [("Organisation ODS code", "RGT"), ("Organisation name", "Cambridge"), ("Organisation type", "GLH"), ("Return period", "2024-25 Q1"), ("Service area", area), ("Template version", "1")],
    };

    private string Return(string name, SurveyWorkbookSpec spec)
    {
        var path = _dir.File(name);
        SurveyWorkbookWriter.Write(path, spec);
        return path;
    }

    private async Task<FileLoadReport> Load(string path, ReferenceDataSet? reference = null)
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(reference ?? Reference.Data), reference);
        var report = (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        return report;
    }
}

/// <summary>Service areas on a real SQLite warehouse file.</summary>
public sealed class SqliteServiceAreaContractTests : ServiceAreaContractTests
{
    public SqliteServiceAreaContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

/// <summary>The same on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerServiceAreaContractTests : ServiceAreaContractTests
{
    public SqlServerServiceAreaContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
