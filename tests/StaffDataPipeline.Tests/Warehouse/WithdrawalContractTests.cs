using StaffDataPipeline.Excel.Template;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// Withdrawing a batch, on every provider: it leaves every view, is kept for audit with who, when and why, what it had
/// superseded is current again, and the same file loads again. Each figure is compared with a warehouse that never saw
/// the withdrawn file.
/// </summary>
public abstract class WithdrawalContractTests : IDisposable
{
    private const string Header = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,Assignment Category,FTE,Date of Birth";
    private static readonly DateTimeOffset Now = new(2024, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _files = new();

    protected WithdrawalContractTests(IWarehouseProvider provider) => Provider = provider;

    protected IWarehouseProvider Provider { get; }

    private const string Summary = "SELECT organisation_code, role_code, grade, headcount, fte FROM v_workforce_summary ORDER BY organisation_code, role_code, grade";

    public void Dispose()
    {
        Provider.Dispose();
        _files.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task A_withdrawn_resubmission_leaves_the_views_and_the_month_it_replaced_is_current_again()
    {
        var original = await Load(Esr("RGT_sip_2023-09.csv", Staff("RGT", 1, 10, "Clinical Scientist")));
        await Load(Esr("R0A_sip_2023-09.csv", Staff("R0A", 100, 4, "Genetic Counsellor")));
        var before = Provider.Query<(string, string, string, long, double)>(Summary);
        var wrong = await Load(Esr("RGT_sip_2023-09_wrong.csv", Staff("RGT", 1, 9, "Genetic Counsellor")));
        Assert.NotEqual(before, Provider.Query<(string, string, string, long, double)>(Summary));

        var result = await Withdraw(wrong.BatchId!.Value, "Sent the counsellors' file under the scientists' name");

        Assert.Equal(WithdrawalOutcome.Withdrawn, result.Outcome);
        Assert.Equal(9, result.FactsWithdrawn);
        var restored = Assert.Single(result.Restored);
        Assert.Equal(("RGT 2023-09", original.BatchId!.Value, 10L), (restored.Scope, restored.BatchId, restored.Rows));
        Assert.Equal(before, Provider.Query<(string, string, string, long, double)>(Summary));
        var history = Provider.Query<(string, string, string)>($"SELECT status, withdrawn_by, withdrawn_reason FROM v_load_history WHERE batch_id = {wrong.BatchId}").Single();
        Assert.Equal(("withdrawn", "a.planner", "Sent the counsellors' file under the scientists' name"), history);
        Assert.Equal(Now, Instant(Provider.Scalar<object>($"SELECT withdrawn_at FROM load_batch WHERE batch_id = {wrong.BatchId}")));
        Assert.Equal(9, Provider.Scalar<long>($"SELECT COUNT(*) FROM fact_staff_in_post_retired WHERE batch_id = {wrong.BatchId}"));
    }

    [SkippableFact]
    public async Task A_withdrawn_file_loaded_again_loads_again_and_supersedes_as_it_did()
    {
        await Load(Esr("RGT_sip_2023-09.csv", Staff("RGT", 1, 10, "Clinical Scientist")));
        var path = Esr("RGT_sip_2023-09_v2.csv", Staff("RGT", 1, 11, "Clinical Scientist"));
        var first = await Load(path);
        var after = Provider.Query<(string, string, string, long, double)>(Summary);
        await Withdraw(first.BatchId!.Value, "loaded before the trust confirmed it");

        var again = await Load(path);

        Assert.Equal(FileLoadStatus.Loaded, again.Status);
        Assert.NotEqual(first.BatchId, again.BatchId);
        Assert.Equal(10, again.Commit!.SupersededFacts);
        Assert.Equal(after, Provider.Query<(string, string, string, long, double)>(Summary));
        Assert.Equal(FileLoadStatus.AlreadyLoaded, (await Load(path)).Status);
    }

    [SkippableFact]
    public async Task Withdrawing_along_a_chain_of_resubmissions_always_leaves_the_latest_batch_still_loaded_current()
    {
        var a = await Load(Esr("RGT_a_2023-09.csv", Staff("RGT", 1, 10, "Clinical Scientist")));
        var b = await Load(Esr("RGT_b_2023-09.csv", Staff("RGT", 1, 11, "Clinical Scientist")));
        var c = await Load(Esr("RGT_c_2023-09.csv", Staff("RGT", 1, 12, "Clinical Scientist")));

        // Withdrawing the middle one changes nothing in the views: c is still the latest.
        var middle = await Withdraw(b.BatchId!.Value, "duplicate");
        Assert.Empty(middle.Restored);
        Assert.Equal(12, Heads());

        // Withdrawing c skips the withdrawn b and makes a current.
        var last = await Withdraw(c.BatchId!.Value, "wrong month");
        Assert.Equal(a.BatchId, Assert.Single(last.Restored).BatchId);
        Assert.Equal(10, Heads());
        Assert.Equal([a.BatchId!.Value], Provider.Query<long>("SELECT DISTINCT batch_id FROM fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_withdrawn_first_load_leaves_nothing_for_its_month_and_other_months_are_untouched()
    {
        var sept = await Load(Esr("RGT_sip_2023-09.csv", Staff("RGT", 1, 10, "Clinical Scientist")));
        await Load(Esr("RGT_sip_2023-10.csv", Staff("RGT", 1, 7, "Clinical Scientist")));

        var result = await Withdraw(sept.BatchId!.Value, "test file");

        Assert.Empty(result.Restored);
        Assert.Equal([(new DateTime(2023, 10, 31), 7L)], Provider.Query<(DateTime, long)>("SELECT snapshot_date, SUM(headcount) FROM v_workforce_summary GROUP BY snapshot_date"));
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM v_workforce_flows"));
    }

    [SkippableFact]
    public async Task Unknown_refused_and_already_withdrawn_batches_are_answered_without_changing_anything()
    {
        var refused = await Load(_files.Write("RGT_sip_2023-09.csv", "Position Title,FTE\nClinical Scientist,1\n"));
        var loaded = await Load(Esr("RGT_sip_2023-10.csv", Staff("RGT", 1, 3, "Clinical Scientist")));
        await Withdraw(loaded.BatchId!.Value, "first reason");

        var missing = await Withdraw(999, "x");
        var notLoaded = await Withdraw(refused.BatchId!.Value, "x");
        var twice = await Withdraw(loaded.BatchId!.Value, "second reason");

        Assert.Equal(WithdrawalOutcome.NotFound, missing.Outcome);
        Assert.Equal((WithdrawalOutcome.NotLoaded, "rejected"), (notLoaded.Outcome, notLoaded.Status));
        Assert.Equal((WithdrawalOutcome.AlreadyWithdrawn, "first reason"), (twice.Outcome, twice.Reason));
        Assert.Contains("already withdrawn", WithdrawalSentences.Of(twice)[0], StringComparison.Ordinal);
        Assert.Equal("rejected", Provider.Scalar<string>($"SELECT status FROM load_batch WHERE batch_id = {refused.BatchId}"));
    }

    [SkippableFact]
    public async Task A_month_superseded_before_facts_were_kept_is_named_with_the_file_to_load_again()
    {
        var old = await Load(Esr("RGT_old_2023-09.csv", Staff("RGT", 1, 10, "Clinical Scientist")));
        var newer = await Load(Esr("RGT_new_2023-09.csv", Staff("RGT", 1, 11, "Clinical Scientist")));
        Provider.Execute("DELETE FROM fact_staff_in_post_retired"); // as a warehouse superseded before this version would be

        var result = await Withdraw(newer.BatchId!.Value, "wrong file");

        var lost = Assert.Single(result.Unrestorable);
        Assert.Equal(("RGT 2023-09", old.BatchId!.Value, "RGT_old_2023-09.csv"), (lost.Scope, lost.BatchId, lost.FileName));
        Assert.Contains($"withdraw batch {old.BatchId} too", string.Join(" ", WithdrawalSentences.Of(result)), StringComparison.Ordinal);

        // Following the advice brings the month back.
        await Withdraw(old.BatchId!.Value, "reload after the newer file was withdrawn");
        var again = await Load(_files.File("RGT_old_2023-09.csv"));
        Assert.Equal(FileLoadStatus.Loaded, again.Status);
        Assert.Equal(10, Heads());
    }

    [SkippableFact]
    public async Task Facts_restored_after_a_remap_come_back_as_the_current_rules_see_them()
    {
        var first = await Load(Esr("RGT_a_2023-09.csv", Staff("RGT", 1, 10, "Clinical Scientist")));
        var second = await Load(Esr("RGT_b_2023-09.csv", Staff("RGT", 1, 11, "Clinical Scientist")));

        // The team decides the Genomics Laboratory is the rare disease service, and remaps: retired facts follow too.
        var folder = _files.CopyReferenceData();
        File.AppendAllText(Path.Combine(folder, "service-area-rules.csv"), "SA-99,RARE-DISEASE,\\bgenomic laboratory\\b,,,\"test\"\n");
        var changed = Csv.ReferenceData.ReferenceDataLoader.Load(folder);
        await new StaffDataPipeline.Taxonomy.RoleRemapper(changed.Mapper, changed.ServiceAreas, new FixedTimeProvider(Now)).RemapAsync(Provider.CreateReview(), CancellationToken.None);
        var restored = await Withdraw(second.BatchId!.Value, "wrong file");

        Assert.Equal(first.BatchId, Assert.Single(restored.Restored).BatchId);
        Assert.Equal([("Rare disease", 10L)], Provider.Query<(string, long)>("SELECT service_area, SUM(headcount) FROM v_workforce_summary GROUP BY service_area"));
        Assert.Equal(changed.Taxonomy.Version, Provider.Scalar<string>("SELECT DISTINCT taxonomy_version FROM fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_withdrawn_survey_return_leaves_the_views_and_the_return_it_replaced_is_current_again()
    {
        var first = await Load(Return("RGT_return.xlsx", established: 3));
        var replacing = await Load(Return("RGT_return_again.xlsx", established: 8));
        Assert.Equal(8, EstablishedGc());

        var result = await Withdraw(replacing.BatchId!.Value, "typed into the wrong quarter");

        Assert.Equal((1L, 0L), (result.ReturnsWithdrawn, result.FactsWithdrawn));
        Assert.Equal(first.BatchId, Assert.Single(result.Restored).BatchId);
        Assert.Equal(3, EstablishedGc());
        Assert.Equal(Now, Instant(Provider.Scalar<object>($"SELECT withdrawn_at FROM survey_return WHERE batch_id = {replacing.BatchId}")));

        await Withdraw(first.BatchId!.Value, "the whole quarter was wrong");
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM v_survey_workforce"));
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM v_supply_demand_gap WHERE establishment_wte IS NOT NULL"));
    }

    /// <summary>A timestamp as either provider stores it: ISO text on SQLite, datetimeoffset on SQL Server.</summary>
    private static DateTimeOffset Instant(object value) =>
        value as DateTimeOffset? ?? DateTimeOffset.Parse((string)value, System.Globalization.CultureInfo.InvariantCulture);

    private double EstablishedGc() => Provider.Scalar<double>("SELECT SUM(establishment_wte) FROM v_survey_workforce WHERE role_code = 'GC'");

    private long Heads() => Provider.Scalar<long>("SELECT SUM(headcount) FROM v_workforce_summary");

    private Task<WithdrawalResult> Withdraw(long batch, string reason) =>
        Provider.CreateWithdrawal(new FixedTimeProvider(Now)).WithdrawAsync(new WithdrawalRequest(batch, reason, "a.planner"), CancellationToken.None);

    private static string[] Staff(string organisation, int first, int count, string title) =>
        [.. Enumerable.Range(first, count).Select(i => $"{i},{i}-1,{organisation},{title},Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,Permanent,1.0,01/01/1980")];

    private string Esr(string name, params string[] rows) => _files.Write(name, string.Join("\n", [Header, .. rows]) + "\n");

    private string Return(string name, int established)
    {
        var path = _files.File(name);
        SurveyWorkbookWriter.Write(path, new SurveyWorkbookSpec
        {
            Cover = [("Organisation ODS code", "RGT"), ("Organisation name", "Cambridge"), ("Organisation type", "GLH"), ("Return period", "2024-25 Q2"), ("Service area", "Rare disease"), ("Template version", "1")],
            Workforce = [["GC", "Band 7", 2, 2, established, 1, 0, 0]],
            Demand = [["GC", "Band 7", 5, 6, "Growth"]],
        });
        return path;
    }

    private async Task<FileLoadReport> Load(string path)
    {
        var pipeline = TestPipeline.Create(Provider.CreateWarehouse(Reference.Data));
        return (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
    }
}

public sealed class SqliteWithdrawalContractTests : WithdrawalContractTests
{
    public SqliteWithdrawalContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

/// <summary>The same contract on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerWithdrawalContractTests : WithdrawalContractTests
{
    public SqlServerWithdrawalContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
