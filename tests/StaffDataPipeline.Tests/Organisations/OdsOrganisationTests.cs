using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Organisations;

/// <summary>
/// The organisation dimension from a real NHS ODS release (August 2018) in a warehouse: import, roll-up, mergers. Part
/// of the provider contract: SQLite always, SQL Server when one is given.
/// </summary>
public abstract class OdsOrganisationTests : IDisposable
{
    private readonly IWarehouseProvider _db;
    private readonly TempDirectory _dir = new();

    protected OdsOrganisationTests(IWarehouseProvider provider) => _db = provider;

    private static Lazy<IReadOnlyList<OdsOrganisation>> Release => OdsReleaseTests.Release;

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Importing_fills_the_dimension_keeps_the_team_file_where_both_speak_and_a_second_import_is_a_no_op()
    {
        var warehouse = _db.CreateWarehouse(Reference.Data);
        await warehouse.MigrateAsync(CancellationToken.None);
        var review = _db.CreateReview();

        var first = await review.ImportOdsAsync(Release.Value, CancellationToken.None);
        var again = await review.ImportOdsAsync(Release.Value, CancellationToken.None);

        Assert.Equal((29_955L, 0L), (first.Added, first.Changed));
        Assert.True(again.NothingChanged);
        Assert.Equal(29_955, again.Unchanged);
        Assert.Equal(29_955, _db.Scalar<long>("SELECT COUNT(*) FROM ods_organisation"));
        Assert.Equal("R0A", _db.Scalar<string>("SELECT parent_code FROM ods_organisation WHERE organisation_code = 'R0A02'"));
        Assert.Equal(new DateTime(2017, 12, 31), _db.Scalar<DateTime>("SELECT close_date FROM ods_organisation WHERE organisation_code = 'R0A1A'"));

        // The team's file wins for its own organisations (type, region, name); ODS adds the dates and every other trust.
        Assert.Equal(("GLH lead trust", "Y62", new DateTime(2017, 10, 1)), _db.Query<(string, string, DateTime)>("SELECT organisation_type, region_code, open_date FROM dim_organisation WHERE organisation_code = 'R0A'").Single());
        Assert.Equal(("Worcestershire Health and Care NHS Trust", "Trust", "Y55"), _db.Query<(string, string, string)>("SELECT organisation_name, organisation_type, region_code FROM dim_organisation WHERE organisation_code = 'R1A'").Single());
        Assert.True(_db.Scalar<long>("SELECT COUNT(*) FROM dim_organisation WHERE organisation_type = 'Trust'") > 200);
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM dim_organisation WHERE organisation_code LIKE '_____'"));
    }

    [SkippableFact]
    public async Task A_newer_release_updates_names_and_dates_and_says_which_changed()
    {
        var review = await Imported();
        var newer = Release.Value.Select(o => o.Code switch
        {
            "R1A" => o with { Name = "Herefordshire and Worcestershire Health and Care NHS Trust" },
            "R1C" => o with { CloseDate = new DateOnly(2024, 3, 31) },
            _ => o,
        }).ToList();

        var result = await review.ImportOdsAsync(newer, CancellationToken.None);

        Assert.Equal((0L, 2L), (result.Added, result.Changed));
        Assert.Equal(["R1A", "R1C"], result.ChangedCodes.Order(StringComparer.Ordinal));
        Assert.Equal("Herefordshire and Worcestershire Health and Care NHS Trust", _db.Scalar<string>("SELECT organisation_name FROM dim_organisation WHERE organisation_code = 'R1A'"));
        Assert.Equal(new DateTime(2024, 3, 31), _db.Scalar<DateTime>("SELECT close_date FROM dim_organisation WHERE organisation_code = 'R1C'"));
    }

    [SkippableFact]
    public async Task After_the_import_a_site_code_rolls_up_to_its_trust_and_a_trust_nobody_listed_is_known()
    {
        await Imported();
        var file = _dir.Write("sites_2023-09.csv",
            "Employee Number,Organisation Code,Position Title,Area of Work,FTE\n" +
            "40000001,R0A02,Clinical Scientist,Genomics Laboratory,1.0\n" +
            "40000002,R1A,Clinical Scientist,Genomics Laboratory,1.0\n" +
            "40000003,ZZZ99,Clinical Scientist,Genomics Laboratory,1.0\n");

        var report = (await TestPipeline.Create(_db.CreateWarehouse(Reference.Data)).RunAsync([file], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(["R0A02 → R0A"], report.RolledUpSites);
        Assert.Equal(["ZZZ99"], report.UnknownOrganisations);
        Assert.Equal(["R0A", "R1A", "ZZZ99"], _db.Query<string>("SELECT DISTINCT organisation_code FROM v_workforce_summary ORDER BY 1"));
        var unknown = await _db.CreateReview().UnknownOrganisationsAsync(CancellationToken.None);
        Assert.Equal(["ZZZ99"], unknown.Select(u => u.Code));
    }

    [SkippableFact]
    public async Task A_merger_rolls_two_old_codes_into_one_current_organisation_in_the_views_without_changing_the_facts()
    {
        var folder = _dir.CopyReferenceData();
        File.AppendAllText(Path.Combine(folder, "organisation-successors.csv"), "RTD,R0A,2020-04-01\nRVJ,R0A,2021-04-01\n");
        var reference = ReferenceDataLoader.Load(folder);
        var file = _dir.Write("merged_2019-09.csv",
            "Employee Number,Organisation Code,Position Title,Area of Work,FTE\n" +
            "50000001,RTD,Clinical Scientist,Genomics Laboratory,1.0\n" +
            "50000002,RVJ,Clinical Scientist,Genomics Laboratory,0.5\n" +
            "50000003,RGT,Clinical Scientist,Genomics Laboratory,1.0\n");
        await TestPipeline.Create(_db.CreateWarehouse(reference), reference).RunAsync([file], dryRun: false, null, CancellationToken.None);

        // Current codes are refreshed at every start, as the next command does.
        await _db.CreateWarehouse(reference).MigrateAsync(CancellationToken.None);

        Assert.Equal(
            [("RGT", "RGT", 1.0), ("RTD", "R0A", 1.0), ("RVJ", "R0A", 0.5)],
            _db.Query<(string, string, double)>("SELECT organisation_code, current_organisation_code, fte FROM v_workforce_summary ORDER BY organisation_code"));
        Assert.Equal(1.5, _db.Scalar<double>("SELECT SUM(fte) FROM v_workforce_summary WHERE current_organisation_code = 'R0A'"));
        Assert.Equal(["RGT", "RTD", "RVJ"], _db.Query<string>("SELECT DISTINCT o.organisation_code FROM fact_staff_in_post f JOIN dim_organisation o ON o.organisation_id = f.organisation_id ORDER BY 1"));
    }

    [SkippableFact]
    public async Task A_national_extract_naming_200_trusts_loads_with_no_organisation_left_unknown_after_the_import()
    {
        await Imported();
        var trusts = Release.Value.Where(o => !o.IsSite && o.CloseDate is null).Take(200).Select(o => o.Code).ToList();
        var file = _dir.Write("national_2023-09.csv",
            "Employee Number,Organisation Code,Position Title,Area of Work,FTE\n" +
            string.Concat(trusts.Select((code, i) => $"{60000000 + i},{code},Clinical Scientist,Genomics Laboratory,1.0\n")));

        var report = (await TestPipeline.Create(_db.CreateWarehouse(Reference.Data)).RunAsync([file], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal(200, trusts.Count);
        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Empty(report.UnknownOrganisations);
        Assert.Equal(200, _db.Scalar<long>("SELECT COUNT(DISTINCT organisation_code) FROM v_workforce_summary"));
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM dim_organisation WHERE organisation_type = 'Unknown'"));
    }

    private async Task<StaffDataPipeline.Warehouse.IWarehouseReview> Imported()
    {
        await _db.CreateWarehouse(Reference.Data).MigrateAsync(CancellationToken.None);
        var review = _db.CreateReview();
        await review.ImportOdsAsync(Release.Value, CancellationToken.None);
        return review;
    }
}

public sealed class SqliteOdsOrganisationTests : OdsOrganisationTests
{
    public SqliteOdsOrganisationTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

public sealed class SqlServerOdsOrganisationTests : OdsOrganisationTests
{
    public SqlServerOdsOrganisationTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
