using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// Scenario files the workforce team edits (reference-data/scenarios/&lt;name&gt;.csv): the shipped ones load, each
/// is versioned, and every mistake names the file and line and says what to write.
/// </summary>
public sealed class ScenarioFileTests : IDisposable
{
    private const string Header = "override,applies_to,change,value,from_year,by_year,taken_by,note\n";

    private readonly TempDirectory _dir = new();
    private int _folders;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_shipped_scenarios_load_with_their_statements_and_each_its_own_version()
    {
        var planning = Reference.Data.PlanningAssumptions;

        Assert.Equal(["baseline", "cancer-arm-growth", "more-stp", "retention-ltft"], planning.ScenarioNames);
        var more = planning.Scenario("more-stp");
        Assert.Equal(
            ["STP-GEN (Scientist Training Programme: genomics) commissions +20% from 2026", "STP-BIOINF (Scientist Training Programme: clinical bioinformatics (genomics)) commissions +2 starters a year nationally from 2026"],
            more.Statements(planning.Routes));
        Assert.Equal(
            ["Stated demand in Cancer (somatic) +30%, reached in a straight line by year 5", "GEN-PRACT take on 15% of GC's stated demand (skill mix), reached in a straight line by year 5"],
            planning.Scenario("cancer-arm-growth").Statements(planning.Routes));
        Assert.Equal(3, planning.Scenarios.Select(s => s.Version).Distinct().Count());
        Assert.Matches($"^{planning.Version.Replace(".", "\\.", StringComparison.Ordinal)}\\.S\\.[0-9a-f]{{8}}$", more.AssumptionsVersion(planning.Version));
        Assert.Same(PlanScenario.Baseline, planning.Scenario("baseline"));
    }

    [Fact]
    public void An_unknown_scenario_name_lists_the_ones_there_are()
    {
        var error = Assert.Throws<UnknownScenarioException>(() => Reference.Data.PlanningAssumptions.Scenario("more-stpp"));

        Assert.Equal("There is no scenario 'more-stpp': the scenarios are baseline, cancer-arm-growth, more-stp, retention-ltft (baseline, plus one file reference-data/scenarios/<name>.csv each); give one of those, or add the file.", error.Message);
    }

    [Fact]
    public void Editing_a_scenario_changes_its_version_and_not_the_others()
    {
        var folder = Folder(("a.csv", Header + "commissions,STP-GEN,percent,20,2026,,,\n"), ("b.csv", Header + "leaver_rate,GC,multiplier,0.9,,,,\n"));
        var before = ReferenceDataLoader.Load(folder).PlanningAssumptions;
        File.WriteAllText(Path.Combine(folder, "scenarios", "a.csv"), Header + "commissions,STP-GEN,percent,25,2026,,,\n");
        var after = ReferenceDataLoader.Load(folder).PlanningAssumptions;

        Assert.NotEqual(before.Scenario("a").Version, after.Scenario("a").Version);
        Assert.Equal(before.Scenario("b").Version, after.Scenario("b").Version);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(25, after.Scenario("a").Overrides.Single().Value);
        Assert.Equal(ScenarioYear.Calendar(2026), after.Scenario("a").Overrides.Single().From);
    }

    [Theory]
    [InlineData("commision,STP-GEN,percent,20,,,,", "override 'commision' is not one this program knows: write commissions, leaver_rate, fte_per_head, demand_growth or skill_mix.")]
    [InlineData("commissions,STP-GENOMICS,percent,20,,,,", "commissions: applies_to 'STP-GENOMICS' is not a route in training-pipelines.csv; write one of ")]
    [InlineData("commissions,STP-GEN,multiplier,1.2,,,,", "commissions: change 'multiplier' does not apply here; write percent or add or set.")]
    [InlineData("commissions,STP-GEN,percent,twenty,,,,", "commissions: value 'twenty' must be a percentage change (+20 for a fifth more, -10 for a tenth less), from -100 to 1000 (use '.' for decimals).")]
    [InlineData("leaver_rate,GCC,multiplier,1.5,,,,", "leaver_rate: applies_to 'GCC' is not a genomics role in roles.csv; write a role code (e.g. GC) or all.")]
    [InlineData("leaver_rate,GC,multiplier,1.5,2O26,,,", "from_year '2O26' is not a year: write a calendar year (e.g. 2026) or a year of the plan from year 1 to year 10 (e.g. year 5), or leave it blank.")]
    [InlineData("fte_per_head,GC,set,8,,,,", "fte_per_head: value '8' must be FTE a head (0.8 is four days a week on average), from 0.1 to 1.5 (use '.' for decimals).")]
    [InlineData("demand_growth,Cancer,percent,30,,year 12,,", "by_year 'year 12' is not a year: write a calendar year (e.g. 2026) or a year of the plan from year 1 to year 10 (e.g. year 5), or leave it blank.")]
    [InlineData("demand_growth,Oncology,percent,30,,year 5,,", "demand_growth: applies_to 'Oncology' is not a service area; write Rare disease, Inherited cancer, Cancer (somatic) (or cancer arm) or all.")]
    [InlineData("demand_growth,cancer arm,percent,30,year 4,year 2,,", "demand_growth: by_year (year 2) is before from_year (year 4); the change must be reached in full on or after the year it starts.")]
    [InlineData("skill_mix,GC,percent,15,,year 5,,", "skill_mix: taken_by '' is not a genomics role in roles.csv; write the code of the role that takes on the work (e.g. GEN-PRACT).")]
    [InlineData("leaver_rate,GC,multiplier,1.5,,,GEN-PRACT,", "leaver_rate: taken_by is only for skill_mix; leave it blank.")]
    public void A_mistake_names_the_file_and_line_and_what_to_write(string line, string expected)
    {
        var folder = Folder(("more-stp.csv", Header + "commissions,STP-GC,add,5,,,,\n" + line + "\n"));

        // The reference data still loads (a draft scenario stops no load and no baseline); asking for the scenario says why not.
        var assumptions = ReferenceDataLoader.Load(folder).PlanningAssumptions;
        var problem = assumptions.ScenarioProblems["more-stp"];
        Assert.StartsWith("scenarios/more-stp.csv, line 3: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Equal(["baseline"], assumptions.ScenarioNames);
        var error = Assert.Throws<UnknownScenarioException>(() => assumptions.Scenario("more-stp"));
        Assert.Equal($"The scenario 'more-stp' cannot be run until its file is corrected: {problem}", error.Message);
    }

    [Fact]
    public void The_same_figure_changed_twice_a_baseline_file_a_bad_name_and_an_empty_file_are_each_named_with_what_to_do()
    {
        var twice = Problem(Folder(("x.csv", Header + "leaver_rate,GC,multiplier,1.5,,,,\n# a comment\nleaver_rate,GC,percent,10,,,,\n")), "x");
        Assert.Equal("scenarios/x.csv, line 4: leaver_rate for GC is already changed on line 2: keep one line per figure (put the change you mean on one of them and delete the other).", twice);

        var baseline = Problem(Folder(("baseline.csv", Header + "leaver_rate,GC,multiplier,1.5,,,,\n")), "baseline");
        Assert.StartsWith("scenarios/baseline.csv: the baseline is the assumptions with no overrides and has no file", baseline, StringComparison.Ordinal);

        var name = Problem(Folder(("More STP.csv", Header + "leaver_rate,GC,multiplier,1.5,,,,\n")), "More STP");
        Assert.StartsWith("scenarios/More STP.csv: 'More STP' is not a scenario name this program takes", name, StringComparison.Ordinal);

        var empty = Problem(Folder(("empty.csv", Header)), "empty");
        Assert.StartsWith("scenarios/empty.csv: the scenario has no overrides", empty, StringComparison.Ordinal);

        var header = Problem(Folder(("h.csv", "override,target,change,value\nleaver_rate,GC,multiplier,1.5\n")), "h");
        Assert.StartsWith("scenarios/h.csv, line 1: the header has no 'applies_to' column", header, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_data_folder_without_scenarios_has_the_baseline_only()
    {
        var folder = _dir.CopyReferenceData();

        Assert.Equal(["baseline"], ReferenceDataLoader.Load(folder).PlanningAssumptions.ScenarioNames);
    }

    /// <summary>The sentence a scenario file's mistake gives, with the rest of the reference data loaded.</summary>
    private static string Problem(string folder, string name) => ReferenceDataLoader.Load(folder).PlanningAssumptions.ScenarioProblems[name];

    private string Folder(params (string Name, string Text)[] files)
    {
        // A fresh copy each time (a test may load several folders): the shipped files, without the shipped scenarios.
        var folder = _dir.File($"reference-data-{++_folders}");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repository.ReferenceData))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var scenarios = Directory.CreateDirectory(Path.Combine(folder, "scenarios")).FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(scenarios, name), text);
        }

        return folder;
    }
}
