using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Csv.Ods;
using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Organisations;

/// <summary>The organisation dimension from a real NHS ODS release (August 2018): every trust and site, mergers, roll-up.</summary>
public sealed class OdsOrganisationTests : IDisposable
{
    private static readonly Lazy<IReadOnlyList<OdsOrganisation>> Release = new(() => OdsReleaseReader.Read(Repository.Fixture(Path.Combine("ods", "etrust-2018-08.csv.gz"))));
    private readonly SqliteWarehouseProvider _db = new();
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void The_release_reads_every_trust_and_site_with_readable_names_parents_and_dates()
    {
        var release = Release.Value;

        Assert.Equal(29_955, release.Count);
        Assert.Equal(234, release.Count(o => !o.IsSite));
        var manchester = release.Single(o => o.Code == "R0A");
        Assert.Equal(("Manchester University NHS Foundation Trust", "Y54", new DateOnly(2017, 10, 1), (DateOnly?)null), (manchester.Name, manchester.NationalGrouping, manchester.OpenDate!.Value, manchester.CloseDate));
        var infirmary = release.Single(o => o.Code == "R0A02");
        Assert.Equal(("Manchester Royal Infirmary", "R0A"), (infirmary.Name, infirmary.ParentCode));
        Assert.Equal(new DateOnly(2017, 12, 31), release.Single(o => o.Code == "R0A1A").CloseDate);
    }

    [Theory]
    [InlineData("MANCHESTER UNIVERSITY NHS FOUNDATION TRUST", "Manchester University NHS Foundation Trust")]
    [InlineData("BIRMINGHAM WOMEN'S AND CHILDREN'S NHS FOUNDATION TRUST", "Birmingham Women's and Children's NHS Foundation Trust")]
    [InlineData("MANCHESTER UNIVERSITY HOSPITAL NHS FT (HQ)", "Manchester University Hospital NHS FT (HQ)")]
    [InlineData("THE ROYAL MARSDEN NHS FOUNDATION TRUST", "The Royal Marsden NHS Foundation Trust")]
    [InlineData("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guy's and St Thomas' NHS Foundation Trust")]
    public void Names_are_written_as_people_write_them(string ods, string readable) => Assert.Equal(readable, ReadableName.Of(ods));

    [Fact]
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
        Assert.Equal("2017-12-31", _db.Scalar<string>("SELECT close_date FROM ods_organisation WHERE organisation_code = 'R0A1A'"));

        // The team's file wins for its own organisations (type, region, name); ODS adds the dates and every other trust.
        Assert.Equal(("GLH lead trust", "Y62", "2017-10-01"), _db.Query<(string, string, string)>("SELECT organisation_type, region_code, open_date FROM dim_organisation WHERE organisation_code = 'R0A'").Single());
        Assert.Equal(("Worcestershire Health and Care NHS Trust", "Trust", "Y55"), _db.Query<(string, string, string)>("SELECT organisation_name, organisation_type, region_code FROM dim_organisation WHERE organisation_code = 'R1A'").Single());
        Assert.True(_db.Scalar<long>("SELECT COUNT(*) FROM dim_organisation WHERE organisation_type = 'Trust'") > 200);
        Assert.Equal(0, _db.Scalar<long>("SELECT COUNT(*) FROM dim_organisation WHERE LENGTH(organisation_code) = 5"));
    }

    [Fact]
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
        Assert.Equal("2024-03-31", _db.Scalar<string>("SELECT close_date FROM dim_organisation WHERE organisation_code = 'R1C'"));
    }

    [Fact]
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

    [Fact]
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
        await TestPipeline.Create(new SqliteWarehouse(_db.DatabasePath, reference, NullLogger<SqliteWarehouse>.Instance), reference).RunAsync([file], dryRun: false, null, CancellationToken.None);

        // Current codes are refreshed at every start, as the next command does.
        await new SqliteWarehouse(_db.DatabasePath, reference, NullLogger<SqliteWarehouse>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Equal(
            [("RGT", "RGT", 1.0), ("RTD", "R0A", 1.0), ("RVJ", "R0A", 0.5)],
            _db.Query<(string, string, double)>("SELECT organisation_code, current_organisation_code, fte FROM v_workforce_summary ORDER BY organisation_code"));
        Assert.Equal(1.5, _db.Scalar<double>("SELECT SUM(fte) FROM v_workforce_summary WHERE current_organisation_code = 'R0A'"));
        Assert.Equal(["RGT", "RTD", "RVJ"], _db.Query<string>("SELECT DISTINCT o.organisation_code FROM fact_staff_in_post f JOIN dim_organisation o ON o.organisation_id = f.organisation_id ORDER BY 1"));
    }

    [Fact]
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

    [Fact]
    public void A_chain_of_mergers_is_followed_to_today_and_a_loop_ends()
    {
        var chain = new SuccessorChain([new("AAA", "BBB", new DateOnly(2019, 4, 1)), new("BBB", "CCC", new DateOnly(2021, 4, 1)), new("CCC", "AAA", new DateOnly(2030, 1, 1))]);

        Assert.Equal("CCC", chain.Current("AAA", new DateOnly(2024, 1, 1)));
        Assert.Equal("BBB", chain.Current("AAA", new DateOnly(2020, 1, 1)));
        Assert.Equal("AAA", chain.Current("AAA", new DateOnly(2018, 1, 1)));
        Assert.Null(chain.SuccessorOrNull("ZZZ", new DateOnly(2024, 1, 1)));
        Assert.Equal("CCC", chain.Current("AAA", new DateOnly(2031, 1, 1)));
    }

    private async Task<StaffDataPipeline.Warehouse.IWarehouseReview> Imported()
    {
        await _db.CreateWarehouse(Reference.Data).MigrateAsync(CancellationToken.None);
        var review = _db.CreateReview();
        await review.ImportOdsAsync(Release.Value, CancellationToken.None);
        return review;
    }
}
