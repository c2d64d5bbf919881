using System.Globalization;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.SqlServer;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Tests.Warehouse;

namespace StaffDataPipeline.Tests.Planning.Pack;

/// <summary>
/// The pack on the samples, end to end on a real warehouse: the monthly ESR exports and the survey returns loaded, the
/// plan run, the pack's facts read (<see cref="IPackSource"/>) and the pack built.
/// </summary>
public abstract class PlanningPackSampleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly IWarehouseProvider _db;

    protected PlanningPackSampleTests(IWarehouseProvider provider) => _db = provider;

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract IPackSource PackSource();

    protected abstract IPlanningSource PlanningSource();

    protected abstract IPlanRunStore Store();

    [SkippableFact]
    public async Task The_samples_pack_has_a_sheet_per_unit_every_assumption_the_coverage_and_the_same_figures_twice()
    {
        var pipeline = TestPipeline.Create(_db.CreateWarehouse(Reference.Data));
        var reports = await pipeline.RunAsync([Repository.Samples("esr-monthly"), Repository.Samples("surveys")], dryRun: false, null, CancellationToken.None);
        Assert.All(reports, r => Assert.NotEqual(FileLoadStatus.Failed, r.Status));

        var first = await Stage().RunAsync(runs: 40, seed: 7, CancellationToken.None);
        var again = await Stage().RunAsync(runs: 40, seed: 7, CancellationToken.None);
        var facts = await PackSource().ReadAsync(CancellationToken.None);
        var builder = new PlanningPackBuilder(Reference.Data.PlanningAssumptions, Reference.Data.Taxonomy, new PlanningGeography(Reference.Data.Organisations.All));
        var pack = builder.Build([first!.Record], first.Inputs, facts);

        // Same data, assumptions and seed: an equal document.
        Assert.Equal(PackDump.Of(pack), PackDump.Of(builder.Build([again!.Record], again.Inputs, facts)));

        // A sheet per region and GLH the plan has lines for, England first and the assumptions last; valid tab names.
        var units = first.Result.Lines.Select(l => l.Unit).Where(u => u.Level is UnitLevel.Region or UnitLevel.Glh).Distinct().ToList();
        Assert.Equal(units.Count + 2, pack.Sheets.Count);
        Assert.Equal("England", pack.Sheets[0].Name);
        Assert.Equal("Assumptions", pack.Sheets[^1].Name);
        Assert.All(pack.Sheets, s => Assert.True(s.Name.Length <= 31 && s.Name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, s.Name));
        Assert.Equal(pack.Sheets.Count, pack.Sheets.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(units, u => Assert.Contains(pack.Sheets, s => s.Heading.StartsWith(u.Name, StringComparison.Ordinal)));

        // The facts read: every organisation with ESR snapshots, and each current return.
        Assert.Equal(_db.Scalar<long>("SELECT COUNT(DISTINCT organisation_id) FROM derived_organisation_snapshot"), facts.Esr.Count);
        Assert.All(facts.Esr, e => Assert.Equal(new DateOnly(2024, 4, 30), e.LatestSnapshot));
        Assert.Equal(_db.Scalar<long>("SELECT COUNT(*) FROM survey_return WHERE superseded_by_batch_id IS NULL"), facts.Returns.Count);
        Assert.Equal(_db.Scalar<double>("SELECT SUM(f.wte_in_post) FROM fact_survey_workforce f JOIN survey_return s ON s.return_id = f.return_id WHERE s.superseded_by_batch_id IS NULL"),
            facts.ReturnWorkforce.Sum(w => w.WteInPost) + _db.Scalar<double>(
                "SELECT COALESCE(SUM(f.wte_in_post), 0) FROM fact_survey_workforce f JOIN survey_return s ON s.return_id = f.return_id JOIN dim_role r ON r.role_id = f.role_id WHERE s.superseded_by_batch_id IS NULL AND r.role_code IN ('OUT-OF-SCOPE', 'UNMAPPED')"), 6);

        // Coverage: every organisation with ESR staff in post and no current return is named on the assumptions sheet.
        var noReturn = _db.Query<string>(
            "SELECT o.organisation_code FROM dim_organisation o WHERE o.organisation_id IN (SELECT organisation_id FROM derived_organisation_snapshot) AND o.organisation_id NOT IN (SELECT organisation_id FROM survey_return WHERE superseded_by_batch_id IS NULL) ORDER BY 1");
        var coverage = pack.Sheets[^1].Texts().Single(t => t.StartsWith("Coverage.", StringComparison.Ordinal));
        Assert.All(noReturn, code => Assert.Contains($"({code})", coverage, StringComparison.Ordinal));

        // The assumptions sheet lists every line of planning-assumptions.csv with its source, every route, and the seed.
        var settings = pack.Sheets[^1].Table("planning-assumptions.csv");
        var csv = File.ReadAllLines(Path.Combine(Repository.ReferenceData, "planning-assumptions.csv")).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Contains("suppress_below_heads", csv);
        Assert.All(csv, name => Assert.DoesNotContain("default", settings.Row(name)["Source"].Text, StringComparison.Ordinal));
        Assert.Equal(Reference.Data.PlanningAssumptions.Routes.Select(r => r.Code), pack.Sheets[^1].Table("training-pipelines.csv").Rows.Select(r => r[0].Text));
        Assert.Equal("7", pack.Sheets[^1].Table("Plan runs").Row("baseline")["Seed"].Text);

        // England's family charts carry the plan's national lines; no count of people under 5 is shown as a number;
        // no text starts like a formula.
        var england = pack.Sheets[0];
        Assert.NotEmpty(england.Charts());
        foreach (var chart in england.Charts())
        {
            var family = chart.Title[..chart.Title.IndexOf(':', StringComparison.Ordinal)];
            var lines = first.Result.Lines.Where(l => l.Unit.IsNational && l.IsFamily && l.Code == family).OrderBy(l => l.Year);
            Assert.Equal(lines.Select(l => (double?)Math.Round(l.SupplyFte.P50, 1, MidpointRounding.AwayFromZero)), chart.Series.Single(s => s.Kind == PackSeriesKind.Line).Values);
        }

        Assert.Equal(Enumerable.Range(2024, 11).Select(y => y.ToString(CultureInfo.InvariantCulture)), england.Charts().First().Categories);
        foreach (var sheet in pack.Sheets)
        {
            foreach (var table in sheet.Tables())
            {
                foreach (var row in table.Rows)
                {
                    Assert.Equal(table.Columns.Count, row.Count);
                    Assert.All(row.Where((c, i) => table.Columns[i].Format == PackFormat.Count), c => Assert.True(!c.IsNumber || c.Number >= 5, $"{sheet.Name}, {table.Title}: {c.Number}"));
                    Assert.All(row.Where(c => c.Text is { Length: > 0 }), c => Assert.DoesNotMatch("^[=+\\-@]", c.Text!));
                }
            }
        }
    }

    private PlanStage Stage() => new(
        PlanningSource(), Store(), Reference.Data.PlanningAssumptions, Reference.Data.Taxonomy, new PlanningGeography(Reference.Data.Organisations.All), new FixedTimeProvider(Now));
}

/// <summary>The pack on a real SQLite warehouse file.</summary>
public sealed class SqlitePlanningPackSampleTests : PlanningPackSampleTests
{
    private readonly SqliteWarehouseProvider _provider;

    public SqlitePlanningPackSampleTests()
        : this(new SqliteWarehouseProvider())
    {
    }

    private SqlitePlanningPackSampleTests(SqliteWarehouseProvider provider)
        : base(provider) => _provider = provider;

    protected override IPackSource PackSource() => new SqlitePackSource(_provider.DatabasePath);

    protected override IPlanningSource PlanningSource() => new SqlitePlanningSource(_provider.DatabasePath);

    protected override IPlanRunStore Store() => new SqlitePlanRunStore(_provider.DatabasePath);
}

/// <summary>The same on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerPlanningPackSampleTests : PlanningPackSampleTests
{
    private readonly SqlServerWarehouseProvider _provider;

    public SqlServerPlanningPackSampleTests()
        : this(new SqlServerWarehouseProvider())
    {
    }

    private SqlServerPlanningPackSampleTests(SqlServerWarehouseProvider provider)
        : base(provider) => _provider = provider;

    protected override IPackSource PackSource() => new SqlServerPackSource(_provider.Options());

    protected override IPlanningSource PlanningSource() => new SqlServerPlanning(_provider.Options());

    protected override IPlanRunStore Store() => new SqlServerPlanning(_provider.Options());
}
