using StaffDataPipeline.Extraction;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// What every warehouse must do, whatever the database: atomic batches, idempotent reloads, supersede, quarantine,
/// remap, and the analyst views' figures. Subclasses supply the provider.
/// </summary>
public abstract class WarehouseContractTests : IDisposable
{
    private const string Header = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,Assignment Category,FTE,Date of Birth";
    private readonly TempDirectory _files = new();

    protected WarehouseContractTests(IWarehouseProvider provider) => Provider = provider;

    protected IWarehouseProvider Provider { get; }

    /// <summary>Dates are compared as dates: TEXT on SQLite and date on SQL Server both read as DateTime.</summary>
    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);

    public void Dispose()
    {
        Provider.Dispose();
        _files.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Loads_a_file_and_the_summary_view_counts_heads_once_per_cell_and_sums_fte()
    {
        // Person 1 holds two genomics assignments in the same cell: two assignments, one head, FTE summed.
        var path = Esr("RGT_sip_2023-09.csv",
            "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,Permanent,0.6,01/01/1980",
            "1,1-2,RGT,Clinical Scientist (Genomics),Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,Permanent,0.4,01/01/1980",
            "2,2-1,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,Fixed Term Temp,1.0,01/01/1985",
            "3,3-1,RGT,Genetic Counsellor,Clinical Genetics,Additional Professional Scientific and Technical,Band 8a,Active Assignment,Permanent,0.8,01/01/1975",
            "4,4-1,RGT,Porter,Facilities,Estates and Ancillary,Band 2,Active Assignment,Permanent,1.0,01/01/1990",
            "5,5-1,RGT,Genetic Counsellor,Clinical Genetics,Additional Professional Scientific and Technical,Band 7,Active Assignment,Bank,1.0,01/01/1990",
            "6,6-1,RGT,Genetic Counsellor,Clinical Genetics,Additional Professional Scientific and Technical,Band 7,Terminate Assignment,Permanent,1.0,01/01/1990");

        var report = await Load(path);

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal((7L, 4L, 1L, 2L, 0L), (report.Counts.Read, report.Counts.Loaded, report.Counts.OutOfScope, report.Counts.Excluded, report.Counts.Rejected));
        var cells = Provider.Query<(DateTime, string, string, string, long, double, long)>(
            "SELECT snapshot_date, organisation_code, role_code, grade, headcount, fte, assignments FROM v_workforce_summary ORDER BY role_code");
        Assert.Equal(
            [(Day(2023, 9, 30), "RGT", "GC-PRINCIPAL", "Band 8a", 1L, 0.8, 1L), (Day(2023, 9, 30), "RGT", "LAB-CS", "Band 7", 2L, 2.0, 3L)],
            cells);
        var history = Provider.Query<(string, long, long, long, long, long)>("SELECT status, rows_read, rows_loaded, rows_out_of_scope, rows_excluded, rows_rejected FROM v_load_history");
        Assert.Equal([("loaded", 7L, 4L, 1L, 2L, 0L)], history);
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM dim_person p WHERE NOT EXISTS (SELECT 1 FROM fact_staff_in_post f WHERE f.person_id = p.person_id)"));
    }

    [SkippableFact]
    public async Task Every_fact_records_the_rule_and_taxonomy_version_that_decided_its_role()
    {
        await Load(Esr("RGT_sip_2023-09.csv", "1,1-1,RGT,Principal Genetic Counsellor,Clinical Genetics,,Band 8a,Active Assignment,Permanent,1,"));

        var (rule, version) = Provider.Query<(string, string)>("SELECT rule_id, taxonomy_version FROM fact_staff_in_post").Single();

        Assert.Equal("GC-04", rule);
        Assert.Equal(Reference.Data.Taxonomy.Version, version);
    }

    [SkippableFact]
    public async Task The_same_bytes_loaded_again_are_a_no_op_that_names_the_batch()
    {
        var path = Esr("RGT_sip_2023-09.csv", "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,");
        var first = await Load(path);

        var copy = _files.File("renamed copy 2023-09.csv");
        File.Copy(path, copy);
        var second = await Load(copy);

        Assert.Equal(FileLoadStatus.AlreadyLoaded, second.Status);
        Assert.Equal(first.BatchId, second.BatchId);
        Assert.Contains($"already loaded as batch {first.BatchId}", second.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal(1, Provider.Scalar<long>("SELECT COUNT(*) FROM load_batch"));
    }

    [SkippableFact]
    public async Task A_newer_file_for_the_same_organisation_and_month_supersedes_only_that_pair()
    {
        await Load(Esr("multi_2023-09.csv",
            "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,",
            "2,2-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,",
            "3,3-1,RJ1,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,"));
        await Load(Esr("RGT_2023-10.csv", "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,"));

        var resubmission = await Load(Esr("RGT_2023-09_v2.csv", "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,0.5,"));

        Assert.Equal(2, resubmission.Commit!.SupersededFacts);
        Assert.Equal([1L], resubmission.Commit.SupersededBatches);
        var cells = Provider.Query<(DateTime, string, long, double)>("SELECT snapshot_date, organisation_code, headcount, fte FROM v_workforce_summary ORDER BY 1, 2");
        Assert.Equal([(Day(2023, 9, 30), "RGT", 1L, 0.5), (Day(2023, 9, 30), "RJ1", 1L, 1.0), (Day(2023, 10, 31), "RGT", 1L, 1.0)], cells);
        Assert.Equal(("RGT", Day(2023, 9, 30), 2L), Provider.Query<(string, DateTime, long)>("SELECT organisation_code, snapshot_date, facts_removed FROM batch_supersession").Single());
    }

    [SkippableFact]
    public async Task A_fault_in_the_middle_of_a_file_leaves_no_trace_but_a_failed_audit_row()
    {
        await Load(Esr("RGT_2023-09.csv", "9,9-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,"));
        var rows = Enumerable.Range(1, 500).Select(i => $"{i},{i}-1,RJ1,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,").ToArray();
        var path = Esr("RJ1_2023-09.csv", rows);
        var warehouse = Provider.CreateWarehouse(Reference.Data);
        var pipeline = TestPipeline.Create(warehouse, wrap: inner => new FaultAfterRows(inner, 300));

        var report = (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();

        Assert.Equal(FileLoadStatus.Failed, report.Status);
        Assert.Contains("injected fault", report.Message, StringComparison.Ordinal);
        Assert.Equal(1, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal(1, Provider.Scalar<long>("SELECT COUNT(*) FROM dim_person"));
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM dim_organisation o JOIN fact_staff_in_post f ON f.organisation_id = o.organisation_id WHERE o.organisation_code = 'RJ1'"));
        Assert.Equal(["loaded", "failed"], Provider.Query<string>("SELECT status FROM load_batch ORDER BY batch_id"));

        // The failed file can be loaded once the fault is gone: a failure does not count as "already loaded".
        var retry = await Load(path);
        Assert.Equal(FileLoadStatus.Loaded, retry.Status);
        Assert.Equal(501, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_batch_left_running_by_a_crashed_process_is_marked_failed_at_the_next_start()
    {
        var warehouse = Provider.CreateWarehouse(Reference.Data);
        await warehouse.MigrateAsync(CancellationToken.None);
        Provider.Execute("INSERT INTO load_batch (file_name, sha256, extractor, taxonomy_version, status, started_at) VALUES ('x.csv', 'abc', 'esr-csv', '1', 'running', '2024-01-01T00:00:00Z')");

        await Provider.CreateWarehouse(Reference.Data).MigrateAsync(CancellationToken.None);

        Assert.Equal("failed", Provider.Scalar<string>("SELECT status FROM load_batch"));
    }

    [SkippableFact]
    public async Task Bad_rows_are_quarantined_with_reasons_and_never_their_personal_values()
    {
        var good = Enumerable.Range(1, 40).Select(i => $"{i},{i}-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,01/01/1980");
        var path = Esr("RGT_2023-09.csv",
        [
            .. good,
            "41,41-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,one,01/01/1980",
            "42,42-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,31/02/1963",
        ]);

        var report = await Load(path);

        Assert.Equal(FileLoadStatus.Loaded, report.Status);
        Assert.Equal(40, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        var rejected = Provider.Query<(long, string, string, string)>("SELECT row_number, column_name, reason_code, message FROM rejected_row ORDER BY row_number");
        Assert.Equal([(42L, "FTE", "FTE_NOT_NUMBER"), (43L, "Date of Birth", "DOB_INVALID")], rejected.Select(r => (r.Item1, r.Item2, r.Item3)));
        Assert.DoesNotContain(rejected, r => r.Item4.Contains("1963", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task More_bad_rows_than_the_threshold_reject_the_whole_file_but_keep_the_reasons()
    {
        var path = Esr("RGT_2023-09.csv",
            "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,",
            "2,2-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,2.5,",
            "3,3-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,",
            "4,4-1,,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,");

        var strict = await Load(path);

        Assert.Equal(FileLoadStatus.Rejected, strict.Status);
        Assert.Contains("2 of 4 in-scope rows", strict.Message, StringComparison.Ordinal);
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal(("rejected", 2L), Provider.Query<(string, long)>("SELECT status, rows_rejected FROM load_batch").Single());
        Assert.Equal(["FTE_OUT_OF_RANGE", "MISSING_ORGANISATION"], Provider.Query<string>("SELECT reason_code FROM rejected_row ORDER BY row_number"));

        var lenient = await Load(path, new LoadOptions { RejectThreshold = 0.5 });

        Assert.Equal(FileLoadStatus.Loaded, lenient.Status);
        Assert.Equal(2, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_file_without_a_required_column_is_refused_naming_it_and_the_aliases_tried()
    {
        var path = _files.Write("RGT_2023-09.csv", "Employee Number,Position Title,FTE\n1,Clinical Scientist,1\n");

        var report = await Load(path);

        Assert.Equal(FileLoadStatus.Rejected, report.Status);
        Assert.Contains("Missing required column: organisation code", report.Message, StringComparison.Ordinal);
        Assert.Contains("'Ocs Code'", report.Message, StringComparison.Ordinal);
        Assert.Equal("rejected", Provider.Scalar<string>("SELECT status FROM load_batch"));
    }

    [SkippableFact]
    public async Task Snapshot_month_comes_from_a_column_else_the_file_name_else_the_flag_else_the_file_is_refused()
    {
        var noMonth = _files.Write("staff.csv", Header + "\n1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,\n");

        var refused = await Load(noMonth);
        var withFlag = await Load(noMonth, new LoadOptions { Snapshot = new DateOnly(2023, 3, 1) });

        Assert.Equal(FileLoadStatus.Rejected, refused.Status);
        Assert.Contains("--snapshot", refused.Message, StringComparison.Ordinal);
        Assert.Equal(FileLoadStatus.Loaded, withFlag.Status);
        Assert.Equal(Day(2023, 3, 31), Provider.Scalar<DateTime>("SELECT snapshot_date FROM v_workforce_summary"));

        var named = _files.Write("named_2023-06.csv", Header + "\n2,2-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,\n");
        await Load(named, new LoadOptions { Snapshot = new DateOnly(2023, 3, 1) });
        Assert.Equal([Day(2023, 3, 31), Day(2023, 6, 30)], Provider.Query<DateTime>("SELECT snapshot_date FROM v_workforce_summary ORDER BY 1"));

        var column = _files.Write("export_2023-01.csv", "Unique Nhs Identifier,Ocs Code,Position Title,Area Of Work,Contracted Wte,Tm Year Month\n7,RJ1,Clinical Scientist,Genomics Laboratory,1,202311\n");
        await Load(column);
        Assert.Equal([Day(2023, 3, 31), Day(2023, 6, 30), Day(2023, 11, 30)], Provider.Query<DateTime>("SELECT snapshot_date FROM v_workforce_summary ORDER BY 1"));
    }

    [SkippableFact]
    public async Task Unmapped_titles_go_to_the_review_queue_and_unknown_organisations_still_load()
    {
        await Load(Esr("X_2023-09.csv",
            "1,1-1,ZZZ,Variant Interpretation Lead,Genomics Laboratory,,Band 7,,,1,",
            "2,2-1,ZZZ,Variant Interpretation Lead,Genomics Laboratory,,Band 7,,,1,"));
        await Load(Esr("X_2023-10.csv", "1,1-1,ZZZ,Variant Interpretation Lead,Genomics Laboratory,,Band 7,,,1,"));

        var review = Provider.CreateReview();
        var unmapped = Assert.Single(await review.UnmappedAsync(CancellationToken.None));
        var unknown = Assert.Single(await review.UnknownOrganisationsAsync(CancellationToken.None));

        Assert.Equal(("Variant Interpretation Lead", "Genomics Laboratory", 3L), (unmapped.PositionTitle, unmapped.AreaOfWork, unmapped.RowCount));
        Assert.Equal(("ZZZ", 3L), (unknown.Code, unknown.Facts));
    }

    [SkippableFact]
    public async Task Remap_rederives_roles_after_a_rule_change_and_records_the_new_version()
    {
        await Load(Esr("X_2023-09.csv",
            "1,1-1,RGT,Variant Interpretation Lead,Genomics Laboratory,,Band 7,,,1,",
            "2,2-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,",
            "3,3-1,RGT,Genetics Secretary,Clinical Genetics,,Band 3,,,1,"));
        using var dir = new TempDirectory();
        var folder = dir.CopyReferenceData();
        var rules = Path.Combine(folder, "mapping-rules.csv");

        // The workforce team decides: variant interpretation is clinical science; secretaries are out of scope.
        var text = File.ReadAllText(rules).Replace("rule_id,role_code,title,context,staff_group,occupation_code,grade,place,notes\n",
            "rule_id,role_code,title,context,staff_group,occupation_code,grade,place,notes\nVAR-01,LAB-CS,\\bvariant interpretation\\b,,,,,,\nSEC-01,OUT-OF-SCOPE,\\bsecretary\\b,,,,,,\n", StringComparison.Ordinal);
        File.WriteAllText(rules, text);
        var changed = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(folder);

        var result = await new StaffDataPipeline.Taxonomy.RoleRemapper(changed.Mapper, changed.ServiceAreas, new FixedTimeProvider(DateTimeOffset.UnixEpoch)).RemapAsync(Provider.CreateReview(), CancellationToken.None);

        Assert.Equal((3L, 2L, 2L, 1L), (result.PostsChecked, result.PostsChanged, result.FactsUpdated, result.FactsRemovedAsOutOfScope));
        Assert.Equal([("LAB-CS", 2L)], Provider.Query<(string, long)>("SELECT role_code, SUM(headcount) FROM v_workforce_summary GROUP BY role_code"));
        Assert.Equal([changed.Taxonomy.Version], Provider.Query<string>("SELECT DISTINCT taxonomy_version FROM fact_staff_in_post"));
        Assert.Equal("VAR-01", Provider.Scalar<string>("SELECT rule_id FROM fact_staff_in_post WHERE source_row = 2"));
        Assert.Empty(await Provider.CreateReview().UnmappedAsync(CancellationToken.None));
        Assert.Equal(2, Provider.Scalar<long>("SELECT COUNT(*) FROM taxonomy_version"));
    }

    [SkippableFact]
    public async Task The_same_assignment_twice_in_one_file_is_quarantined_by_load_and_by_validate()
    {
        var rows = Enumerable.Range(1, 30).Select(i => $"{i},{i}-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,").ToList();
        rows.Add("7,7-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,0.5,");
        rows.Add("7,7-1,RJ1,Clinical Scientist,Genomics Laboratory,,Band 7,,,0.5,");
        var path = Esr("RGT_2023-09.csv", [.. rows]);
        var pipeline = TestPipeline.Create(Provider.CreateWarehouse(Reference.Data));

        var validated = (await pipeline.RunAsync([path], dryRun: true, null, CancellationToken.None)).Single();
        var loaded = await Load(path);

        foreach (var report in new[] { validated, loaded })
        {
            Assert.Equal((31L, 1L), (report.Counts.Loaded, report.Counts.Rejected));
            var duplicate = Assert.Single(report.Rejections);
            Assert.Equal((32L, "Assignment Number", "DUPLICATE_ASSIGNMENT"), (duplicate.RowNumber, duplicate.Column, duplicate.ReasonCode));
        }

        Assert.Equal(1.0, Provider.Scalar<double>("SELECT fte FROM fact_staff_in_post WHERE source_row = 8"));
        Assert.Equal(31, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_post_and_a_person_met_again_after_more_than_a_cache_holds_keep_their_one_key()
    {
        // 25,000 distinct posts and people, more than the writer keeps in memory, then the first post and person again:
        // found in the warehouse, not created twice. The next month's file finds them again in a batch of its own.
        var rows = Enumerable.Range(1, 25_000).Select(i => $"{i},{i}-1,RGT,Genetic Counsellor {i},Clinical Genetics,,Band 7,,,1,").ToList();
        rows.Add("1,1-2,RGT,Genetic Counsellor 1,Clinical Genetics,,Band 7,,,0.2,");
        Assert.Equal(FileLoadStatus.Loaded, (await Load(Esr("RGT_2023-09.csv", [.. rows]))).Status);
        Assert.Equal(FileLoadStatus.Loaded, (await Load(Esr("RGT_2023-10.csv", "1,1-1,RGT,Genetic Counsellor 1,Clinical Genetics,,Band 7,,,1,"))).Status);

        Assert.Equal(25_000, Provider.Scalar<long>("SELECT COUNT(*) FROM dim_position WHERE position_title LIKE 'Genetic Counsellor %'"));
        Assert.Equal(25_000, Provider.Scalar<long>("SELECT COUNT(*) FROM dim_person"));
        Assert.Equal(1, Provider.Scalar<long>("SELECT COUNT(DISTINCT position_id) FROM fact_staff_in_post f WHERE f.position_id = (SELECT position_id FROM dim_position WHERE position_title = 'Genetic Counsellor 1')"));
        Assert.Equal(3, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_position p ON p.position_id = f.position_id WHERE p.position_title = 'Genetic Counsellor 1'"));
        Assert.Equal(1, Provider.Scalar<long>("SELECT COUNT(DISTINCT f.person_id) FROM fact_staff_in_post f JOIN dim_position p ON p.position_id = f.position_id WHERE p.position_title = 'Genetic Counsellor 1'"));
        Assert.Equal(25_000, Provider.Scalar<long>("SELECT MAX(position_id) - MIN(position_id) + 1 FROM dim_position WHERE position_title LIKE 'Genetic Counsellor %'"));
    }

    [SkippableFact]
    public async Task An_encoding_set_for_a_source_overrides_detection_for_that_source_only()
    {
        // These bytes are valid UTF-8, so detection says UTF-8; the source is known to export Windows-1252.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(1252).GetBytes(Header + "\n1,1-1,RGT,Clinical Scientist Ã©,Genomics Laboratory,,Band 7,,,1,\n");
        var legacy = Path.Combine(Path.GetDirectoryName(Esr("x.csv"))!, "legacy_2023-09.csv");
        var modern = Path.Combine(Path.GetDirectoryName(legacy)!, "modern_2023-09.csv");
        File.WriteAllBytes(legacy, bytes);
        File.WriteAllBytes(modern, [.. bytes, .. "2,2-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,\n"u8.ToArray()]);
        var options = new LoadOptions { EncodingBySource = new Dictionary<string, string> { ["legacy_*"] = "windows-1252" } };

        await Load(legacy, options);
        await Load(modern, options);

        // The legacy source wrote "Ã©" in Windows-1252 (bytes C3 A9) and keeps it; the other file, undeclared, is read as UTF-8.
        Assert.Equal(["Clinical Scientist Ã©", "Clinical Scientist é"], Provider.Query<string>("SELECT position_title FROM dim_position WHERE position_title LIKE '% %' AND position_title <> 'Clinical Scientist' ORDER BY position_id"));
        Assert.Empty(options.Validate());
        Assert.Single(new LoadOptions { EncodingBySource = new Dictionary<string, string> { ["x*"] = "latin-9" } }.Validate());
    }

    [SkippableFact]
    public async Task Validate_runs_everything_but_writes_nothing()
    {
        var path = Esr("RGT_2023-09.csv", "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,");
        var warehouse = Provider.CreateWarehouse(Reference.Data);
        await warehouse.MigrateAsync(CancellationToken.None);
        var pipeline = TestPipeline.Create(warehouse);

        var report = (await pipeline.RunAsync([path], dryRun: true, null, CancellationToken.None)).Single();

        Assert.Equal(FileLoadStatus.Valid, report.Status);
        Assert.Equal(1, report.Counts.Loaded);
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM load_batch"));
        Assert.Equal(0, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [SkippableFact]
    public async Task A_renamed_copy_is_told_the_name_its_bytes_were_loaded_under()
    {
        var path = Esr("RGT_sip_2023-09.csv", "1,1-1,RGT,Clinical Scientist,Genomics Laboratory,,Band 7,,,1,");
        await Load(path);
        var copy = _files.File("renamed copy 2023-09.csv");
        File.Copy(path, copy);

        var renamed = await Load(copy);
        var same = await Load(path);

        Assert.Equal("RGT_sip_2023-09.csv", renamed.LoadedAs);
        Assert.Null(same.LoadedAs);
        var printed = new StringWriter();
        StaffDataPipeline.Hosting.Reports.LoadReportPrinter.Print(printed, [renamed], dryRun: false);
        Assert.StartsWith($"renamed copy 2023-09.csv: already loaded as batch {renamed.BatchId}, as RGT_sip_2023-09.csv; nothing to do", printed.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_whole_sample_folder_loads_and_reloading_it_changes_nothing()
    {
        var pipeline = TestPipeline.Create(Provider.CreateWarehouse(Reference.Data));

        var first = await pipeline.RunAsync([Repository.Samples("esr")], dryRun: false, null, CancellationToken.None);
        var facts = Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post");
        var second = await pipeline.RunAsync([Repository.Samples("esr")], dryRun: false, null, CancellationToken.None);

        Assert.All(first, r => Assert.Equal(FileLoadStatus.Loaded, r.Status));
        Assert.True(first.Count >= 15);
        Assert.All(second, r => Assert.Equal(FileLoadStatus.AlreadyLoaded, r.Status));
        Assert.Equal(facts, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.Equal([Day(2023, 9, 30), Day(2023, 10, 31)], Provider.Query<DateTime>("SELECT DISTINCT snapshot_date FROM v_workforce_summary ORDER BY 1"));
        Assert.True(Provider.Scalar<long>("SELECT COUNT(DISTINCT organisation_code) FROM v_workforce_summary") >= 10);
        Assert.True(first.Single(r => r.FileName.EndsWith("_resubmitted.csv", StringComparison.Ordinal)).Commit!.SupersededFacts > 0);
        Assert.True(Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_position p ON p.position_id = f.position_id WHERE p.position_title = 'Genetic Counsellor – Cancer'") > 0, "Windows-1252 en dash must survive");
    }

    [SkippableFact]
    public async Task A_file_with_under_half_the_facts_of_the_month_it_would_replace_is_held_and_the_earlier_facts_stay_current()
    {
        var full = await Load(Esr("RGT_sip_2023-09.csv", Staff("RGT", 1, 10)));
        var truncated = Esr("RGT_sip_2023-09_filtered.csv", Staff("RGT", 1, 4));

        var held = await Load(truncated);

        Assert.Equal(FileLoadStatus.Rejected, held.Status);
        Assert.Equal("SUSPICIOUS_SHRINK", held.ReasonCode);
        Assert.Contains($"RGT 2023-09: 4 facts would replace 10 of batch {full.BatchId}", held.Message, StringComparison.Ordinal);
        Assert.Contains("--accept-shrink", held.Message, StringComparison.Ordinal);
        Assert.Equal([(full.BatchId!.Value, 10L)], Provider.Query<(long, long)>("SELECT batch_id, COUNT(*) FROM fact_staff_in_post GROUP BY batch_id"));
        Assert.Equal(("rejected", "SUSPICIOUS_SHRINK"), Provider.Query<(string, string)>($"SELECT status, reason_code FROM load_batch WHERE batch_id = {held.BatchId}").Single());

        var accepted = await Load(truncated, new LoadOptions { AcceptShrink = true });

        Assert.Equal(FileLoadStatus.Loaded, accepted.Status);
        Assert.Equal(10, accepted.Commit!.SupersededFacts);
        Assert.Equal([(accepted.BatchId!.Value, 4L)], Provider.Query<(long, long)>("SELECT batch_id, COUNT(*) FROM fact_staff_in_post GROUP BY batch_id"));
    }

    [SkippableFact]
    public async Task A_resubmission_with_about_the_same_facts_supersedes_silently_and_the_guard_compares_each_organisation_and_month_alone()
    {
        // One file with RGT (10) and R0A (30); a file with RGT alone (9) replaces RGT's 10, not the batch's 40.
        var first = await Load(Esr("two_trusts_2023-09.csv", [.. Staff("RGT", 1, 10), .. Staff("R0A", 100, 30)]));

        var resubmitted = await Load(Esr("RGT_sip_2023-09_resubmitted.csv", Staff("RGT", 1, 9)));

        Assert.Equal(FileLoadStatus.Loaded, resubmitted.Status);
        Assert.Equal(10, resubmitted.Commit!.SupersededFacts);
        Assert.Equal([first.BatchId!.Value], resubmitted.Commit.SupersededBatches);
        Assert.Equal(30, Provider.Scalar<long>("SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_organisation o ON o.organisation_id = f.organisation_id WHERE o.organisation_code = 'R0A'"));

        // A stricter threshold (a setting) holds the same kind of file.
        var strict = await Load(Esr("RGT_sip_2023-09_again.csv", Staff("RGT", 1, 8)), new LoadOptions { ShrinkThreshold = 0.95 });
        Assert.Equal("SUSPICIOUS_SHRINK", strict.ReasonCode);
        Assert.Contains($"RGT 2023-09: 8 facts would replace 9 of batch {resubmitted.BatchId}", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shrink_threshold_is_a_share()
    {
        Assert.Contains(new LoadOptions { ShrinkThreshold = 2 }.Validate(), e => e.StartsWith("Load:ShrinkThreshold must be between 0 and 1", StringComparison.Ordinal));
        Assert.Empty(new LoadOptions { ShrinkThreshold = 0 }.Validate());
    }

    private static string[] Staff(string organisation, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => $"{i},{i}-1,{organisation},Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,Permanent,1.0,01/01/1980")];

    private string Esr(string name, params string[] rows) => _files.Write(name, string.Join("\n", [Header, .. rows]) + "\n");

    private async Task<FileLoadReport> Load(string path, LoadOptions? options = null)
    {
        var pipeline = TestPipeline.Create(Provider.CreateWarehouse(Reference.Data), options: options);
        return (await pipeline.RunAsync([path], dryRun: false, null, CancellationToken.None)).Single();
    }

    /// <summary>Wraps a real extractor and throws part-way through the file, as a disk or network error would.</summary>
    private sealed class FaultAfterRows(IExtractor inner, int rows) : IExtractor
    {
        public string Name => inner.Name;

        public int Probe(SourceFile file) => inner.Probe(file);

        public IExtraction Open(SourceFile file, ExtractionOptions options) => new Faulty(inner.Open(file, options), rows);

        private sealed class Faulty(IExtraction inner, int rows) : IExtraction
        {
            public StaffDataPipeline.Headers.HeaderMatch Header => inner.Header;

            public IEnumerable<ISourceRecord> Records()
            {
                var n = 0;
                foreach (var record in inner.Records())
                {
                    if (++n > rows)
                    {
                        throw new IOException("injected fault");
                    }

                    yield return record;
                }
            }

            public void Dispose() => inner.Dispose();
        }
    }
}

public sealed class SqliteWarehouseContractTests : WarehouseContractTests
{
    public SqliteWarehouseContractTests()
        : base(new SqliteWarehouseProvider())
    {
    }
}

/// <summary>The same contract on SQL Server, when STAFFDATA_TEST_SQLSERVER holds a connection string; skipped, saying why, otherwise.</summary>
public sealed class SqlServerWarehouseContractTests : WarehouseContractTests
{
    public SqlServerWarehouseContractTests()
        : base(new SqlServerWarehouseProvider())
    {
    }
}
