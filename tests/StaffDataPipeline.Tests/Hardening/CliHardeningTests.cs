using Microsoft.Data.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>The `staffdata` program run as a careless or hostile user would: a real process, real files, exit codes and sentences.</summary>
public sealed class CliHardeningTests : IDisposable
{
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_load_under_a_different_key_is_refused_with_exit_2_and_says_where_the_original_key_should_be()
    {
        CliRunner.Run(_dir.Path, null, "load", Sample("RGT_staff_in_post_2023-09.csv"));

        var (exit, output, error) = CliRunner.Run(_dir.Path, new Dictionary<string, string> { ["STAFFDATA__PSEUDONYMISATION__KEY"] = OtherKey }, "load", Sample("R0A_staff_in_post_2023-09.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("was loaded with a different pseudonymisation key", error, StringComparison.Ordinal);
        Assert.Contains("STAFFDATA__PSEUDONYMISATION__KEY", error, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherKey, error + output, StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM load_batch"));
    }

    [Fact]
    public void A_warehouse_with_data_but_no_key_to_be_found_stops_rather_than_minting_a_new_key()
    {
        var keyFile = _dir.File("keys/pseudonymisation.key");
        var firstAccount = new Dictionary<string, string> { ["STAFFDATA__PSEUDONYMISATION__KEY"] = string.Empty, ["STAFFDATA__PSEUDONYMISATION__KEYFILE"] = keyFile };
        var (first, _, firstError) = CliRunner.Run(_dir.Path, firstAccount, "load", Sample("RGT_staff_in_post_2023-09.csv"));
        Assert.True(first == 0, firstError);
        Assert.True(File.Exists(keyFile), "the first load of an empty warehouse creates the key");

        // The one moment a data engineer must learn where the key is, and that it must be kept.
        Assert.Contains($"Created a new pseudonymisation key in {keyFile}", firstError, StringComparison.Ordinal);
        Assert.Contains("Back it up", firstError, StringComparison.Ordinal);
        var (again, _, againError) = CliRunner.Run(_dir.Path, firstAccount, "load", Sample("RQ3_staff_in_post_2023-09.csv"));
        Assert.True(again == 0, againError);
        Assert.DoesNotContain("Created a new pseudonymisation key", againError, StringComparison.Ordinal);

        var otherKeyFile = _dir.File("other-home/pseudonymisation.key");
        var secondAccount = new Dictionary<string, string> { ["STAFFDATA__PSEUDONYMISATION__KEY"] = string.Empty, ["STAFFDATA__PSEUDONYMISATION__KEYFILE"] = otherKeyFile };
        var (exit, _, error) = CliRunner.Run(_dir.Path, secondAccount, "load", Sample("R0A_staff_in_post_2023-09.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("already holds pseudonymised data, but no pseudonymisation key was found", error, StringComparison.Ordinal);
        Assert.False(File.Exists(otherKeyFile), "no second key is minted");
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM load_batch"));
    }

    [Fact]
    public void Validate_creates_no_database_and_no_key_file()
    {
        var keyFile = _dir.File("keys/pseudonymisation.key");
        var noKey = new Dictionary<string, string> { ["STAFFDATA__PSEUDONYMISATION__KEY"] = string.Empty, ["STAFFDATA__PSEUDONYMISATION__KEYFILE"] = keyFile };

        var (exit, output, _) = CliRunner.Run(_dir.Path, noKey, "validate", Repository.Samples("esr"), Repository.Samples("surveys"));

        Assert.Equal(0, exit);
        Assert.Contains("27 file(s): 27 valid", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("staffdata.db")), "validate created a database");
        Assert.False(File.Exists(keyFile), "validate created a key file");
    }

    [Fact]
    public void Validate_never_marks_another_process_running_batch_failed()
    {
        CliRunner.Run(_dir.Path, null, "init");
        using (var c = Open())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"INSERT INTO load_batch (file_name, sha256, extractor, taxonomy_version, status, started_at, owner_host, owner_pid, owner_started_at) VALUES ('x.csv', 'abc', 'esr-csv', '1', 'running', '2024-01-01T00:00:00.000Z', '{Environment.MachineName}', 999999, '2024-01-01T00:00:00.000Z')";
            cmd.ExecuteNonQuery();
        }

        CliRunner.Run(_dir.Path, null, "validate", Sample("RGT_staff_in_post_2023-09.csv"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'running'"));

        // A load does: pid 999999 is not alive on this host.
        CliRunner.Run(_dir.Path, null, "load", Sample("RGT_staff_in_post_2023-09.csv"));
        Assert.Equal("INTERRUPTED", Text("SELECT reason_code FROM load_batch WHERE file_name = 'x.csv'"));
    }

    [Fact]
    public void A_running_batch_of_another_host_is_left_alone_at_start_up()
    {
        CliRunner.Run(_dir.Path, null, "init");
        using (var c = Open())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO load_batch (file_name, sha256, extractor, taxonomy_version, status, started_at, owner_host, owner_pid, owner_started_at) VALUES ('x.csv', 'abc', 'esr-csv', '1', 'running', '2024-01-01T00:00:00.000Z', 'another-server', 1, '2024-01-01T00:00:00.000Z')";
            cmd.ExecuteNonQuery();
        }

        CliRunner.Run(_dir.Path, null, "load", Sample("RGT_staff_in_post_2023-09.csv"));

        Assert.Equal("running", Text("SELECT status FROM load_batch WHERE file_name = 'x.csv'"));
    }

    [Theory]
    [InlineData("--reject-threshold", "abc", "Load:RejectThreshold must be a number (with '.' for decimals); got 'abc' (--reject-threshold).")]
    [InlineData("--reject-threshold", "7", "Load:RejectThreshold must be between 0 and 1")]
    [InlineData("--snapshot", "March", "--snapshot 'March' is not a month")]
    [InlineData("--encoding", "latin-9", "Load:Encoding must be utf-8 or windows-1252")]
    public void A_bad_option_value_is_exit_2_with_a_sentence_and_no_type_name(string option, string value, string expected)
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_exit_2()
    {
        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "unmapped", "--no-such-option");

        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("not-a-database")]
    [InlineData("corrupt")]
    public void An_unusable_warehouse_is_one_sentence_and_exit_2_with_a_stack_trace_only_when_verbose(string kind)
    {
        var database = kind switch
        {
            "folder" => Directory.CreateDirectory(_dir.File("db-folder")).FullName,
            "not-a-database" => _dir.Write("notes.db", "not a database at all " + new string('x', 4096)),
            _ => Corrupt(),
        };

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), "--database", database);
        var (_, _, verbose) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), "--database", database, "--verbose");

        Assert.Equal(2, exit);
        Assert.StartsWith("staffdata: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_and_output_into_a_folder_that_does_not_exist_or_cannot_be_made_are_one_sentence_and_exit_2()
    {
        var input = _dir.Write("titles.csv", "position_title\nClinical Scientist\n");
        CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr", "RGT_staff_in_post_2023-09.csv"));

        var (mapExit, _, mapError) = CliRunner.Run(_dir.Path, null, "map-roles", input, "--output", _dir.File("missing/out.csv"));
        var (exportExit, _, exportError) = CliRunner.Run(_dir.Path, null, "unmapped", "--export", _dir.File("missing/review.csv"));
        var notAFolder = _dir.Write("plain-file", "x");
        var (templateExit, _, templateError) = CliRunner.Run(_dir.Path, null, "survey-template", "--output", Path.Combine(notAFolder, "return.xlsx"));

        Assert.Equal((2, 2, 2), (mapExit, exportExit, templateExit));
        Assert.StartsWith("staffdata: ", templateError, StringComparison.Ordinal);
        Assert.Contains("the folder", mapError, StringComparison.Ordinal);
        Assert.Contains("does not exist", exportError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", mapError + exportError + templateError, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_roles_refuses_to_write_over_its_input()
    {
        var input = _dir.Write("titles.csv", "position_title\nClinical Scientist\n");

        var (exit, _, error) = CliRunner.Run(_dir.Path, null, "map-roles", input, "--output", input);

        Assert.Equal(2, exit);
        Assert.Contains("is the input file", error, StringComparison.Ordinal);
        Assert.Equal("position_title\nClinical Scientist\n", File.ReadAllText(input));
    }

    [Fact]
    public void Every_csv_the_program_writes_neutralises_formula_payloads()
    {
        string[] payloads = ["=HYPERLINK(\"http://x.invalid\",\"click\")", "+SUM(1,2)", "-2+3", "@SUM(1)", "\tTab", "=cmd|' /C calc'!A0"];
        var input = _dir.Write("titles.csv", "position_title,note\n" + string.Join('\n', payloads.Select(p => $"\"{p.Replace("\"", "\"\"", StringComparison.Ordinal)} Genetic Counsellor\",\"{p.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")) + "\n");
        var esr = _dir.Write("RGT_sip_2023-09.csv", "Employee Number,Organisation Code,Position Title,Area of Work,FTE\n" +
            string.Join('\n', payloads.Select((p, i) => $"{10000 + i},RGT,\"{p.Replace("\"", "\"\"", StringComparison.Ordinal)} genomics\",Genomics Laboratory,1.0")) + "\n");

        var (mapExit, _, mapError) = CliRunner.Run(_dir.Path, null, "map-roles", input, "--output", _dir.File("mapped.csv"));
        CliRunner.Run(_dir.Path, null, "load", esr);
        var (exportExit, _, _) = CliRunner.Run(_dir.Path, null, "unmapped", "--export", _dir.File("review.csv"));

        Assert.True(mapExit == 0, mapError);
        Assert.Equal(0, exportExit);
        foreach (var file in new[] { "mapped.csv", "review.csv" })
        {
            using var reader = CsvHelper.CsvReader.Create(File.OpenRead(_dir.File(file)), CsvHelper.CsvReaderOptions.Default, false);
            var cells = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var cell = reader.GetString(i);
                    cells++;
                    Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{file}: a cell starts with a formula character: {cell}");
                }
            }

            Assert.True(cells > 6, $"{file} holds too few cells to prove anything");
        }

        Assert.Contains("'=HYPERLINK(", File.ReadAllText(_dir.File("mapped.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_skip_lock_temporary_partial_and_hidden_files_say_so_and_refuse_ods_with_advice()
    {
        var drop = Directory.CreateDirectory(_dir.File("drop")).FullName;
        File.Copy(Sample("RGT_staff_in_post_2023-09.csv"), Path.Combine(drop, "RGT_2023-09.csv"));
        foreach (var name in new[] { "~$RGT_return.xlsx", ".~lock.RGT_return.xlsx#", "RGT_2023-10.csv.part", "export.crdownload", "upload.tmp", ".hidden_2023-09.csv" })
        {
            File.WriteAllText(Path.Combine(drop, name), "junk");
        }

        File.Copy(Repository.Fixture(Path.Combine("hostile", "return.ods")), Path.Combine(drop, "return.ods"));

        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "load", drop);

        Assert.Equal(1, exit);
        Assert.Contains("RGT_2023-09.csv: loaded as batch", output, StringComparison.Ordinal);
        Assert.Contains("~$RGT_return.xlsx: skipped, an Office or LibreOffice lock file", output, StringComparison.Ordinal);
        Assert.Contains(".~lock.RGT_return.xlsx#: skipped, an Office or LibreOffice lock file", output, StringComparison.Ordinal);
        Assert.Contains("RGT_2023-10.csv.part: skipped, a temporary file or a partial download", output, StringComparison.Ordinal);
        Assert.Contains("export.crdownload: skipped", output, StringComparison.Ordinal);
        Assert.Contains("upload.tmp: skipped", output, StringComparison.Ordinal);
        Assert.Contains(".hidden_2023-09.csv: skipped, a hidden file", output, StringComparison.Ordinal);
        Assert.Contains("return.ods: REJECTED (ODS_NOT_SUPPORTED", output, StringComparison.Ordinal);
        Assert.Contains("Save it as .xlsx", output, StringComparison.Ordinal);
        Assert.Contains("2 file(s): 1 loaded or already loaded, 1 not loaded; 6 skipped.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_loop_ends_and_each_real_file_is_loaded_once()
    {
        var drop = Directory.CreateDirectory(_dir.File("drop")).FullName;
        var sub = Directory.CreateDirectory(Path.Combine(drop, "sub")).FullName;
        File.Copy(Sample("RGT_staff_in_post_2023-09.csv"), Path.Combine(sub, "RGT_2023-09.csv"));
        Directory.CreateSymbolicLink(Path.Combine(sub, "back-to-top"), drop);
        File.CreateSymbolicLink(Path.Combine(drop, "same-file_2023-09.csv"), Path.Combine(sub, "RGT_2023-09.csv"));

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "load", drop);

        Assert.True(exit == 0, output + error);
        Assert.Contains("1 file(s): 1 loaded or already loaded, 0 not loaded.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_loading_the_same_file_at_once_load_it_once_and_never_fail_on_a_constraint()
    {
        var big = _dir.File("RGT_big_2023-09.csv");
        using (var writer = new StreamWriter(big))
        {
            writer.WriteLine("Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,FTE");
            for (var i = 0; i < 60_000; i++)
            {
                writer.WriteLine($"{20000000 + i},{20000000 + i}-1,RGT,Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,1.0");
            }
        }

        CliRunner.Run(_dir.Path, null, "init");
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => CliRunner.Run(_dir.Path, null, "load", big))));
        var outputs = runs.Select(r => r.Out + r.Error).ToList();

        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'loaded'"));
        Assert.Equal(60_000, Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));
        Assert.All(outputs, o => Assert.DoesNotContain("constraint", o, StringComparison.OrdinalIgnoreCase));
        Assert.Single(outputs, o => o.Contains("RGT_big_2023-09.csv: loaded as batch", StringComparison.Ordinal));
        Assert.Single(outputs, o => o.Contains("already loaded as batch", StringComparison.Ordinal) || o.Contains("being loaded by another process", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_says_that_survey_returns_are_read_too()
    {
        var (_, root, _) = CliRunner.Run(_dir.Path, null, "--help");
        var (_, load, _) = CliRunner.Run(_dir.Path, null, "load", "--help");
        var (_, validate, _) = CliRunner.Run(_dir.Path, null, "validate", "--help");

        Assert.Contains("survey returns (.xlsx, .xls)", root, StringComparison.Ordinal);
        Assert.Contains("survey returns (.xlsx, .xls)", load, StringComparison.Ordinal);
        Assert.Contains("survey returns", validate, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_file_says_what_would_have_loaded_never_that_rows_loaded()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr-broken", "too_many_bad_rows_2023-09.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("REJECTED (THRESHOLD_EXCEEDED, recorded as batch 1); nothing was loaded", output, StringComparison.Ordinal);
        Assert.Contains("29 would have loaded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("29 loaded", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmapped_shows_the_job_role_and_the_data_months_and_a_return_from_an_unknown_organisation_is_refused_not_listed()
    {
        var (_, load, _) = CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), Repository.Fixture(Path.Combine("hostile", "unknown-organisation-return.xlsx")));

        var (exit, output, _) = CliRunner.Run(_dir.Path, null, "unmapped");

        // A return's figures would enter the views, so an organisation nobody knows is refused rather than listed for review.
        Assert.Contains("SURVEY_UNKNOWN_ORGANISATION", load, StringComparison.Ordinal);
        Assert.Contains("the organisation ODS code 'RZZ' in cell B3 of the Cover sheet is not a known organisation", load, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("Variant Interpretation Lead  [job role: Manager;", output, StringComparison.Ordinal);
        Assert.Contains("data 2023-09-30 to 2023-10-31", output, StringComparison.Ordinal);
        Assert.DoesNotContain("RZZ", output, StringComparison.Ordinal);
        Assert.Contains("RRK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisations_import_reports_what_it_added_and_a_second_import_changes_nothing()
    {
        var release = Repository.OdsRelease;

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "organisations", "import", release);
        var (againExit, again, _) = CliRunner.Run(_dir.Path, null, "organisations", "import", release);

        Assert.True(exit == 0, error);
        Assert.Contains("etrust-2018-08.csv.gz: 234 trusts and 29,721 sites; 29,955 added, 0 changed, 0 unchanged.", output, StringComparison.Ordinal);
        Assert.Equal(0, againExit);
        Assert.Contains("nothing changed (the warehouse already holds every organisation as this release has it)", again, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisations_successors_adds_ods_mergers_to_the_team_file_once_and_the_views_follow_them()
    {
        var folder = _dir.CopyReferenceData();
        var succ = _dir.Write("succ.csv", "\"RTD\",\"R0A\",\"R\",\"20200401\",\"Y\"\n\"RVJ\",\"R0A\",\"R\",\"20210401\",\"Y\"\n");
        var broken = _dir.Write("not-succ.csv", "Organisation,Successor\nRTD,R0A\n");

        var (exit, output, error) = CliRunner.Run(_dir.Path, null, "organisations", "successors", succ, "--reference-data", folder);
        var (_, again, _) = CliRunner.Run(_dir.Path, null, "organisations", "successors", succ, "--reference-data", folder);
        var (brokenExit, _, brokenError) = CliRunner.Run(_dir.Path, null, "organisations", "successors", broken, "--reference-data", folder);
        CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), "--reference-data", folder);
        CliRunner.Run(_dir.Path, null, "init", "--reference-data", folder);

        Assert.True(exit == 0, error);
        Assert.Contains("2 successor line(s) read; 2 added to", output, StringComparison.Ordinal);
        Assert.Contains("0 added to", again, StringComparison.Ordinal);
        Assert.EndsWith("RTD,R0A,2020-04-01\nRVJ,R0A,2021-04-01\n", File.ReadAllText(Path.Combine(folder, "organisation-successors.csv")).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, brokenExit);
        Assert.Contains("not-succ.csv, line 1: not an ODS successor line", brokenError, StringComparison.Ordinal);
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(DISTINCT organisation_code) FROM v_workforce_summary WHERE current_organisation_code = 'R0A' AND organisation_code IN ('RTD', 'RVJ')";
        Assert.Equal(2L, (long)cmd.ExecuteScalar()!);
    }

    [SkippableFact]
    public async Task Ctrl_C_during_a_load_rolls_the_file_back_says_so_and_the_file_loads_later()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sends SIGINT with kill(1)");
        var big = _dir.File("RGT_big_2023-09.csv");
        using (var writer = new StreamWriter(big))
        {
            writer.WriteLine("Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Pay Band,FTE");
            // Long enough that the load is still running when the signal arrives, however fast loading becomes: the
            // signal is sent as soon as the batch is seen running, so the size costs only the time to write the file.
            for (var i = 0; i < 600_000; i++)
            {
                writer.WriteLine($"{20000000 + i},{20000000 + i}-1,RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0");
            }
        }

        CliRunner.Run(_dir.Path, null, "init");
        // A process started in the background by a shell without job control (`bash .ci/run &`) ignores SIGINT, and so does
        // everything it starts, a load included: .NET leaves a signal ignored at start-up alone, as a shell's `&` intends.
        // On Linux the load is started with SIGINT's default restored (coreutils' env, which then runs it in its place, so
        // the process id is the load's), so that this tests the load's handling of Ctrl+C wherever the tests run.
        var start = new System.Diagnostics.ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : "dotnet") { WorkingDirectory = _dir.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (OperatingSystem.IsLinux() ? ["--default-signal=INT", "dotnet"] : Array.Empty<string>()).Concat([Path.Combine(AppContext.BaseDirectory, "staffdata.dll"), "load", big]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["STAFFDATA__PSEUDONYMISATION__KEY"] = CliRunner.TestKey;
        using var load = System.Diagnostics.Process.Start(start)!;
        var error = load.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seenRunning = false;
        while (!(seenRunning = Scalar("SELECT COUNT(*) FROM load_batch WHERE status = 'running'") > 0) && DateTime.UtcNow < deadline && !load.HasExited)
        {
            await Task.Delay(50);
        }

        System.Diagnostics.Process.Start("kill", ["-INT", load.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        await load.WaitForExitAsync();

        var said = await error;
        Assert.True(load.ExitCode == 1, $"exit code {load.ExitCode} (signal sent {(seenRunning ? "once the batch was seen running" : "without the batch seen running")}): {said}");
        Assert.Contains("stopped (Ctrl+C or a service stop); the file being loaded was rolled back", said, StringComparison.Ordinal);
        Assert.Equal("INTERRUPTED", Text("SELECT reason_code FROM load_batch"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM fact_staff_in_post"));

        var (again, output, _) = CliRunner.Run(_dir.Path, null, "load", big);
        Assert.Equal(0, again);
        Assert.Contains("loaded as batch 2", output, StringComparison.Ordinal);
    }

    private static string Sample(string name) => Repository.Samples("esr", name);

    private string Corrupt()
    {
        var db = _dir.File("corrupt.db");
        CliRunner.Run(_dir.Path, null, "load", Repository.Samples("esr"), "--database", db);
        var bytes = File.ReadAllBytes(db);
        for (var i = 100; i < bytes.Length; i++)
        {
            bytes[i] = 0xA5;
        }

        File.WriteAllBytes(db, bytes);
        foreach (var side in new[] { "-wal", "-shm" })
        {
            File.Delete(db + side);
        }

        return db;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={_dir.File("staffdata.db")};Pooling=False");
        c.Open();
        return c;
    }

    private long Scalar(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private string Text(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (string)cmd.ExecuteScalar()!;
    }
}
