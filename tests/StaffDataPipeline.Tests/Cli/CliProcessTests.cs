using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Cli;

/// <summary>The `staffdata` program as its users run it: a real process, real files, exit codes and messages.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_of_the_samples_succeeds_and_a_second_run_says_already_loaded()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"));

        Assert.True(exit == 0, output);
        Assert.Contains("15 file(s): 15 loaded or already loaded, 0 not loaded.", output, StringComparison.Ordinal);
        Assert.Contains("superseded", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("staffdata.db")), "the default warehouse is staffdata.db in the current folder");

        var (again, second, _) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"));

        Assert.Equal(0, again);
        Assert.Contains("already loaded as batch 1; nothing to do", second, StringComparison.Ordinal);
    }

    [Fact]
    public void A_much_smaller_file_for_a_loaded_month_is_held_until_loaded_with_accept_shrink()
    {
        const string Header = "Employee Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE";
        string Rows(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"{i},RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0\n"));
        var full = _dir.Write("RGT_2023-10.csv", $"{Header}\n{Rows(12)}");
        var filtered = _dir.Write("RGT_2023-10_filtered.csv", $"{Header}\n{Rows(3)}");
        Assert.Equal(0, CliRunner.Run(_dir.Path, null, "load", full).ExitCode);

        var (held, output, _) = CliRunner.Run(_dir.Path, null, "load", filtered);

        Assert.Equal(1, held);
        Assert.Contains("REJECTED (SUSPICIOUS_SHRINK", output, StringComparison.Ordinal);
        Assert.Contains("RGT 2023-10: 3 facts would replace 12 of batch 1", output, StringComparison.Ordinal);

        var (accepted, second, _) = CliRunner.Run(_dir.Path, null, "load", filtered, "--accept-shrink");

        Assert.True(accepted == 0, second);
        Assert.Equal(3L, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT COUNT(*) FROM fact_staff_in_post"));
    }

    [Fact]
    public void Validate_reports_what_is_wrong_with_each_broken_file_and_exits_non_zero()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "validate", Repository.Samples("esr-broken"));

        Assert.Equal(1, exit);
        Assert.Contains("missing_organisation_column_2023-09.csv: REJECTED", output, StringComparison.Ordinal);
        Assert.Contains("Missing required column: organisation code", output, StringComparison.Ordinal);
        Assert.Contains("No snapshot month", output, StringComparison.Ordinal);
        Assert.Contains("column 'FTE': FTE_NOT_NUMBER", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")) && new FileInfo(_dir.File("staffdata.db")).Length > 0 && HasBatches(_dir.File("staffdata.db")), "validate must not write batches");
    }

    [Fact]
    public void Bad_settings_stop_the_program_before_any_file_is_touched_with_exit_code_2()
    {
        var env = new Dictionary<string, string> { ["STAFFDATA__LOAD__REJECTTHRESHOLD"] = "7" };

        var (exit, _, error) = CliRunner.Run(_dir.Path, env, "load", Repository.Samples("esr"));

        Assert.Equal(2, exit);
        Assert.Contains("Load:RejectThreshold must be between 0 and 1", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")));
    }

    [Fact]
    public void A_mistyped_option_is_a_usage_error_before_any_file_is_touched()
    {
        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), "--warehouse", "other.db");

        Assert.Equal(2, exit);
        Assert.Contains("'--warehouse' is not an option of load; its options are --accept-shrink, --config, --database, --encoding, --reference-data, ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("FILE_MISSING", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")));
    }

    [Theory]
    [InlineData("map-roles --out mapped.csv {sample}", "'--out' is not an option of map-roles (did you mean --output?); its options are --config, --database, --output, ")]
    [InlineData("unmapped --exprt titles.csv", "'--exprt' is not an option of unmapped (did you mean --export?); its options are --config, --database, --export, ")]
    [InlineData("plan --scenaro more-stp", "'--scenaro' is not an option of plan (did you mean --scenario?); its options are ")]
    [InlineData("load {sample} --snapshto 2023-09", "'--snapshto' is not an option of load (did you mean --snapshot?); its options are ")]
    [InlineData("load -d --acept-shrink {sample}", "'--acept-shrink' is not an option of load (did you mean --accept-shrink?)")]
    [InlineData("load {sample} --database|other.db", "'--database other.db' is one word where an option and its value should be two: give --database and its value apart")]
    [InlineData("--output mapped.csv map-roles {sample}", "'--output' is an option of map-roles but was given before it: give it after 'map-roles'.")]
    [InlineData("--bogus", "'--bogus' is not an option of staffdata; its options are --config, --database, --reference-data, --verbose (see 'staffdata --help').")]
    public void Every_command_names_a_mistyped_option_with_the_one_meant_and_nothing_else(string commandLine, string expected)
    {
        // map-roles would otherwise read '--out' as its input and call the real file an unknown word.
        // '|' joins two words into one argument, as quotes around both would.
        var args = commandLine.Replace("{sample}", Path.Combine(Repository.Samples("esr"), "RGT_staff_in_post_2023-09.csv"), StringComparison.Ordinal)
            .Split(' ').Select(a => a.Replace('|', ' ')).ToArray();

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--help,", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Theory]
    [InlineData("--", "-Locum")]
    [InlineData("-Locum consultant")]
    public void A_title_beginning_with_a_dash_is_explained_after_a_double_dash_or_with_its_words(params string[] title)
    {
        var (exit, output, error) = CliRunner.Run(_dir.Path, null, ["explain", .. title]);

        Assert.True(exit == 0, output + error);
        Assert.Contains($"Title as written:       {title[^1]}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unmapped", "there is nothing to review")]
    [InlineData("remap", "nothing was remapped")]
    [InlineData("plan", "there is nothing to plan from")]
    public void A_command_that_reads_loads_refuses_a_warehouse_never_loaded_and_creates_none(string command, string nothingDone)
    {
        // A mistyped --database would otherwise be created empty and answer "no unmapped titles": an all-clear for the wrong file.
        var (exit, output, error) = CliRunner.Run(_dir.Path, null, command, "--database", "staffdta.db");

        Assert.Equal(2, exit);
        Assert.Contains($"staffdta.db has no batches (check --database or Warehouse:*; a warehouse is filled by `staffdata load`); {nothingDone}.", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void A_folder_of_nothing_loadable_but_an_archive_is_not_a_success()
    {
        var inbox = Directory.CreateDirectory(_dir.File("inbox")).FullName;
        File.Copy(Repository.OdsRelease, Path.Combine(inbox, "etrust.csv.gz"));

        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "load", inbox);

        Assert.Equal(1, exit);
        Assert.Contains("etrust.csv.gz: skipped, a gzip-compressed file", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")));
    }

    [Fact]
    public void A_file_named_like_an_option_still_loads_when_it_exists()
    {
        File.Copy(Path.Combine(Repository.Samples("esr"), "RGT_staff_in_post_2023-09.csv"), _dir.File("-RGT_2023-09.csv"));

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "load", "-RGT_2023-09.csv");

        Assert.True(exit == 0, output + error);
        Assert.Contains("-RGT_2023-09.csv: loaded", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_rules_file_stops_the_program_naming_the_file_and_line()
    {
        var folder = _dir.CopyReferenceData();
        File.AppendAllText(Path.Combine(folder, "mapping-rules.csv"), "BAD-01,NOT-A-ROLE,\\bclerk\\b,,,,,\n");

        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), "--reference-data", folder);

        Assert.Equal(2, exit);
        Assert.Matches(@"mapping-rules\.csv, line \d+: rule BAD-01: role_code 'NOT-A-ROLE' is not in roles\.csv", error);
    }

    [Fact]
    public void Map_roles_appends_role_rule_grade_and_service_area_and_passes_other_columns_through()
    {
        var input = _dir.Write("titles.csv", "ref,position_title,area_of_work,grade,comment,Grade Code\n1,Snr Genetic Counselor,Cancer Genetics,Band 8a,\"a, b\",XN08A\n2,General Manager,Surgery,Band 8a,,\n3,Clinical Scientist,Genomics Laboratory,,,XN07\n4,Genetic Counsellor,Clinical Genetics,Band 8 - Range A,,XN08A\n");
        var output = _dir.File("mapped.csv");

        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "map-roles", input, "--output", output);

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal("ref,position_title,area_of_work,grade,comment,Grade Code,role_code,rule,grade_normalised,service_area,service_area_rule", lines[0]);
        Assert.StartsWith("1,Snr Genetic Counselor,Cancer Genetics,Band 8a,\"a, b\",XN08A,GC-PRINCIPAL,GC-06,AFC-8A,INHERITED-CANCER,SA-", lines[1], StringComparison.Ordinal);
        Assert.Equal("2,General Manager,Surgery,Band 8a,,,OUT-OF-SCOPE,DEFAULT-OUT-OF-SCOPE,AFC-8A,UNSPECIFIED,DEFAULT-UNSPECIFIED", lines[2]);
        Assert.Equal(",AFC-7,UNSPECIFIED,DEFAULT-UNSPECIFIED", lines[3][lines[3].LastIndexOf(",AFC", StringComparison.Ordinal)..]);

        // A pay band no rule reads and a grade code that resolves: the code decides, as in a load.
        Assert.EndsWith(",XN08A,GC-PRINCIPAL,GC-06,AFC-8A,UNSPECIFIED,DEFAULT-UNSPECIFIED", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Map_roles_reads_an_extract_as_a_load_does_past_its_title_lines_and_on_its_own_delimiter()
    {
        // An ESR BI report saved from Excel under a European locale: a title block, then ';' between fields.
        var input = _dir.Write("report.csv", "Staff in Post;;;\nReport run on 05/04/2024;;;\n\nOrganisation Code;Position Title;Area of Work;Pay Band\nRGT;Snr Genetic Counselor;Cancer Genetics;Band 8a\n");

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "map-roles", input);

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Organisation Code,Position Title,Area of Work,Pay Band,role_code,rule,grade_normalised,service_area,service_area_rule", lines[0]);
        Assert.StartsWith("RGT,Snr Genetic Counselor,Cancer Genetics,Band 8a,GC-PRINCIPAL,GC-06,AFC-8A,INHERITED-CANCER,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Map_roles_leaves_out_every_column_that_identifies_or_describes_a_person()
    {
        // A trust's ESR extract handed to map-roles as it is: identifiers, names, NI number, dates, age.
        var input = _dir.Write(
            "extract.csv",
            "Unique NHS Identifier,Employee Number,Assignment Number,First Name,Surname,NI Number,Date of Birth,Age In Years,Hire Date,Position Title,Area of Work,Pay Band,notes,Staff Number,Gender,Ethnic Origin,Known As,Work Email Address\n" +
            "UNI-93817,E-55102,A-55102-1,Ada,Lovelace,QQ123456C,1984-02-29,40,2011-09-01,Genetic Counsellor,Clinical Genetics,Band 7,keep me,S-55102,Female,Mixed White and Asian,Countess,ada@nhs.net,EXTRA-PERSONAL\n" +
            "UNI-10,E-11\n");
        var output = _dir.File("mapped.csv");

        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "map-roles", input, "--output", output);
        var (screenExit, screen, _) = CliRunner.Run(_dir.Path, null, "map-roles", input);

        Assert.True(exit == 0, error);
        Assert.Equal(0, screenExit);
        var lines = File.ReadAllLines(output);
        Assert.Equal("Position Title,Area of Work,Pay Band,notes,role_code,rule,grade_normalised,service_area,service_area_rule", lines[0]);
        Assert.StartsWith("Genetic Counsellor,Clinical Genetics,Band 7,keep me,GC,GC-", lines[1], StringComparison.Ordinal);

        // A short row keeps its decisions under their headings.
        Assert.Equal(lines[0].Split(',').Length, lines[2].Split(',').Length);
        // A second local identifier (Staff Number beside Employee Number) is left out as well as the first, and a field
        // beyond the header, which has no heading to judge it by, is not passed on.
        foreach (var personal in new[] { "UNI-93817", "E-55102", "A-55102-1", "Ada", "Lovelace", "QQ123456C", "1984-02-29", "2011-09-01", ",40,", "UNI-10", "E-11", "S-55102", "Female", "Mixed", "Countess", "ada@", "EXTRA-PERSONAL" })
        {
            Assert.DoesNotContain(personal, File.ReadAllText(output), StringComparison.Ordinal);
            Assert.DoesNotContain(personal, screen, StringComparison.Ordinal);
        }

        Assert.Contains("Left out because they identify or describe a person (no rule needs them): Unique NHS Identifier, Employee Number, Assignment Number, First Name, Surname, NI Number, Date of Birth, Age In Years, Hire Date, Staff Number, Gender, Ethnic Origin, Known As, Work Email Address", error, StringComparison.Ordinal);

        // A heading nobody listed passes through, and the user is told which, so that one holding personal data is noticed.
        Assert.Contains("Passed through as they are, under headings header-aliases.csv does not know (if one holds personal data, add it there as Personal): notes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_roles_refuses_a_list_it_cannot_read_saying_why_without_a_stack_trace()
    {
        var titles = _dir.Write("titles.csv", "Title,count\nClinical Scientist,3\n");
        var gradedTitles = _dir.Write("graded.csv", "Title,Pay Band,,notes\nClinical Scientist,Band 7,Ada Lovelace,n\n");
        var badHeader = _dir.Write("bad-header.csv", "\"Position Title,Grade\nClinical Scientist,Band 7\n");
        var broken = _dir.Write("broken.csv", "position_title,notes\nClinical Scientist,\"Lovelace unterminated\nGenetic Counsellor,x\n");

        var (titleExit, _, titleError) = CliRunner.Run(_dir.Path, null, "map-roles", titles);
        var (brokenExit, _, brokenError) = CliRunner.Run(_dir.Path, null, "map-roles", broken, "--output", _dir.File("out.csv"));

        Assert.Equal(2, titleExit);
        Assert.Contains("titles.csv: the header has none of the columns position_title, ", titleError, StringComparison.Ordinal);
        Assert.Contains("('Title' is read as a person's title, such as Mr or Dr, and left out: head the job titles position_title).", titleError, StringComparison.Ordinal);

        // Mapped on the grade alone, the titles headed "Title" are left out, which is said; a column with no heading
        // cannot be judged, so it is left out too.
        var (gradedExit, gradedOutput, gradedError) = CliRunner.Run(_dir.Path, null, "map-roles", gradedTitles);
        Assert.Equal(0, gradedExit);
        Assert.Contains("Note: 'Title' is read as a person's title, such as Mr or Dr, and left out: head the job titles position_title.", gradedError, StringComparison.Ordinal);
        Assert.Contains("Left out because they identify or describe a person (no rule needs them): Title, column 3 (no heading)", gradedError, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", gradedOutput, StringComparison.Ordinal);

        var (headerExit, _, headerError) = CliRunner.Run(_dir.Path, null, "map-roles", badHeader);
        Assert.Equal(2, headerExit);
        Assert.Contains("bad-header.csv: the header cannot be read as CSV", headerError, StringComparison.Ordinal);
        Assert.Equal(2, brokenExit);
        Assert.Contains("broken.csv, row ", brokenError, StringComparison.Ordinal);
        Assert.Contains("the CSV cannot be parsed", brokenError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", brokenError, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", brokenError, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("out.csv")));
    }

    [Fact]
    public void Unmapped_lists_and_exports_the_review_queue_and_remap_records_a_version()
    {
        CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"));

        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "unmapped");
        var export = _dir.File("review.csv");
        CliRunner.Run(_dir.Path, null, "unmapped", "--export", export);
        var (remapExit, remap, _) = CliRunner.Run(_dir.Path, null, "remap");

        Assert.Equal(0, exit);
        Assert.Contains("unmapped title(s)", output, StringComparison.Ordinal);
        Assert.Contains("RRK", output, StringComparison.Ordinal);
        Assert.StartsWith("position_title,staff_group,occupation_code,area_of_work,job_role,row_count", File.ReadLines(export).First(), StringComparison.Ordinal);
        Assert.True(File.ReadLines(export).Count() > 1);
        Assert.Equal(0, remapExit);
        Assert.Matches(@"Nothing changed: the current rules \(taxonomy version 1\.[0-9a-f]{8}\) decide every one of the \d+ stored posts", remap);
    }

    [Fact]
    public void Explain_shows_the_expansions_every_rule_tried_and_the_decision()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "explain", "Prin. Clin. Sci.", "--area", "Genomics Laboratory", "--grade", "Band 8b");
        var (excludedExit, excluded, _) = CliRunner.Run(_dir.Path, null, "explain", "Bioinformatician", "--area", "Medical Physics");
        var (surveyExit, survey, _) = CliRunner.Run(_dir.Path, null, "explain", "Genomics Programme Officer", "--survey");

        Assert.Equal(0, exit);
        Assert.Contains("Title as rules read it: 'principal clinical scientist'", output, StringComparison.Ordinal);
        Assert.Contains("prin → principal; clin → clinical; sci → scientist", output, StringComparison.Ordinal);
        Assert.Matches(@"GC-01 +GC-TRAINEE +no +title does not match", output);
        Assert.Matches(@"LAB-07 +LAB-CS-PRINCIPAL +MATCHES +title matches", output);
        Assert.Matches(@"Decision: LAB-CS-PRINCIPAL \(Principal clinical scientist, genomics\) by LAB-07 \(mapping-rules\.csv line \d+\); taxonomy 1\.[0-9a-f]{8}\.", output);
        Assert.DoesNotContain("LAB-08", output, StringComparison.Ordinal); // rules after the deciding one are not tried
        Assert.Equal(0, excludedExit);
        Assert.Matches(@"EX-01 +OUT-OF-SCOPE +MATCHES +place matches", excluded);
        Assert.DoesNotContain("GC-01", excluded, StringComparison.Ordinal);
        Assert.Contains("Decision: OUT-OF-SCOPE (Not genomics workforce) by EX-01 (scope-exclusions.csv line", excluded, StringComparison.Ordinal);
        Assert.Equal(0, surveyExit);
        Assert.Contains("Decision: UNMAPPED", survey, StringComparison.Ordinal);

        // The answer comes first, the same as the last line, for a reader who does not want every rule.
        foreach (var explained in (string[])[output, excluded, survey])
        {
            var lines = explained.Split('\n', StringSplitOptions.TrimEntries);
            var decision = lines.Single(l => l.StartsWith("Decision: ", StringComparison.Ordinal))["Decision: ".Length..];
            Assert.StartsWith("In short: ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith(decision[..decision.IndexOf("; taxonomy", StringComparison.Ordinal)], lines[0]["In short: ".Length..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Remap_applies_a_scope_exclusion_added_after_a_load_and_records_the_new_version()
    {
        var reference = _dir.CopyReferenceData();
        var exclusions = Path.Combine(reference, "scope-exclusions.csv");
        var kept = File.ReadAllText(exclusions);
        File.Delete(exclusions); // a folder from before the exclusion layer
        File.WriteAllText(_dir.File("RGT_2024-03.csv"), "Employee Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE\n1,RGT,Bioinformatician,Medical Physics,Band 6,1.0\n2,RGT,Bioinformatician,Genomics Laboratory,Band 6,1.0\n");
        CliRunner.Run(_dir.Path, null, "load", _dir.File("RGT_2024-03.csv"), "--reference-data", reference);
        var before = CountBioinformaticians();

        File.WriteAllText(exclusions, kept);
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "remap", "--reference-data", reference);

        Assert.Equal(2, before);
        Assert.Equal(0, exit);
        Assert.StartsWith("Taxonomy version 1.", output, StringComparison.Ordinal);
        Assert.Equal(1, CountBioinformaticians());
        Assert.Equal(2L, SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT COUNT(DISTINCT version) FROM taxonomy_version"));
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "init", "load", "validate", "unmapped", "remap", "map-roles", "explain", "serve", "jobs", "run-job", "hash-password" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    private long CountBioinformaticians() =>
        SqliteFile.Scalar<long>(_dir.File("staffdata.db"), "SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_role r ON r.role_id = f.role_id WHERE r.role_code = 'BIOINF'");

    private static bool HasBatches(string db)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'load_batch'";
        if ((long)cmd.ExecuteScalar()! == 0)
        {
            return false;
        }

        cmd.CommandText = "SELECT COUNT(*) FROM load_batch";
        return (long)cmd.ExecuteScalar()! > 0;
    }
}
