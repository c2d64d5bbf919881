using System.Globalization;
using System.Text.RegularExpressions;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Csv.ReferenceData;

/// <summary>
/// Loads the scenarios the workforce team edits: one file per scenario in reference-data/scenarios, named for it
/// (more-stp.csv is the scenario more-stp), each line an override of the baseline assumptions. The baseline is
/// implicit (no overrides) and has no file. Every mistake names the file and line and says what to write instead.
/// The folder is optional. The format is documented for the team in docs/scenarios.md.
/// </summary>
internal static class ScenarioLoader
{
    public const string Folder = "scenarios";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly string[] Columns = ["override", "applies_to", "change", "value"];

    /// <summary>
    /// The scenarios that validate, and for each file that does not, its name and the sentence saying what is wrong:
    /// a draft scenario with a mistake must not stop the loads or the baseline, only a run that asks for it.
    /// </summary>
    public static (IReadOnlyList<PlanScenario> Scenarios, IReadOnlyDictionary<string, string> Problems) Load(string referenceFolder, PlanningAssumptions assumptions, RoleTaxonomy taxonomy, Func<string[], string> hash)
    {
        var folder = Path.Combine(referenceFolder, Folder);
        var scenarios = new List<PlanScenario>();
        var problems = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return (scenarios, problems);
        }

        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            try
            {
                scenarios.Add(LoadOne(path, assumptions, taxonomy, hash));
            }
            catch (ReferenceDataException e)
            {
                problems[Path.GetFileNameWithoutExtension(path)] = e.Message;
            }
        }

        return (scenarios, problems);
    }

    private static PlanScenario LoadOne(string path, PlanningAssumptions assumptions, RoleTaxonomy taxonomy, Func<string[], string> hash)
    {
        var file = Path.GetFileName(path);
        var shown = $"{Folder}/{file}";
        var name = Path.GetFileNameWithoutExtension(path);
        if (!Regex.IsMatch(name, "^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.None, RegexTimeout))
        {
            throw new ReferenceDataException(shown, 0, $"'{name}' is not a scenario name this program takes: rename the file to lower-case letters, digits and hyphens (up to 40, e.g. more-stp.csv); the name is what --scenario takes.");
        }

        if (name == SupplyPlanner.Baseline)
        {
            throw new ReferenceDataException(shown, 0, "the baseline is the assumptions with no overrides and has no file: rename the file to the scenario it describes (e.g. more-stp.csv) or delete it.");
        }

        var table = ReadTable(path, shown);
        var overrides = table.Rows.Select(row => Parse(row, shown, assumptions, taxonomy)).ToList();
        if (overrides.Count == 0)
        {
            throw new ReferenceDataException(shown, 0, "the scenario has no overrides, so it would be the baseline: add a line (see docs/scenarios.md) or delete the file.");
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            var o = overrides[i];
            var earlier = overrides.Take(i).FirstOrDefault(e => e.Kind == o.Kind && e.Target == o.Target && e.ToRole == o.ToRole);
            if (earlier is not null)
            {
                throw new ReferenceDataException(shown, LineOf(o), $"{Word(o.Kind)} for {o.Target} is already changed on {earlier.Where}: keep one line per figure (put the change you mean on one of them and delete the other).");
            }
        }

        return new PlanScenario(name, hash([$"{Folder}/{file}"]), overrides);
    }

    private static ReferenceTable ReadTable(string path, string shown)
    {
        try
        {
            return ReferenceTable.Read(path, Columns);
        }
        catch (ReferenceDataException e) when (e.File is not null)
        {
            // ReferenceTable names the file alone; the team needs to know it is the one in the scenarios folder.
            var message = e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw new ReferenceDataException(shown, e.Line, message);
        }
    }

    private static int LineOf(ScenarioOverride o) => int.Parse(o.Where[(o.Where.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private static ScenarioOverride Parse(ReferenceRow row, string file, PlanningAssumptions assumptions, RoleTaxonomy taxonomy)
    {
        ReferenceDataException Error(string message) => new(file, (int)row.Line, message);

        var kind = row["override"].ToLowerInvariant() switch
        {
            "commissions" => ScenarioOverrideKind.Commissions,
            "leaver_rate" => ScenarioOverrideKind.LeaverRate,
            "fte_per_head" => ScenarioOverrideKind.FtePerHead,
            "demand_growth" => ScenarioOverrideKind.DemandGrowth,
            "skill_mix" => ScenarioOverrideKind.SkillMix,
            _ => throw Error($"override '{row["override"]}' is not one this program knows: write commissions, leaver_rate, fte_per_head, demand_growth or skill_mix."),
        };
        var word = Word(kind);
        var change = ChangeOf(row, kind, Error);
        var value = ValueOf(row, kind, change, Error);
        var target = TargetOf(row, kind, assumptions, taxonomy, Error);
        string? takenBy = null;
        if (kind == ScenarioOverrideKind.SkillMix)
        {
            takenBy = row["taken_by"];
            if (!IsRole(takenBy, taxonomy))
            {
                throw Error($"skill_mix: taken_by '{takenBy}' is not a genomics role in roles.csv; write the code of the role that takes on the work (e.g. GEN-PRACT).");
            }

            if (takenBy == target)
            {
                throw Error($"skill_mix: {target} cannot take on its own work; taken_by must be another role.");
            }
        }
        else if (row["taken_by"].Length > 0)
        {
            throw Error($"{word}: taken_by is only for skill_mix; leave it blank.");
        }

        var from = YearOf(row, "from_year", assumptions.Horizon, Error);
        var by = YearOf(row, "by_year", assumptions.Horizon, Error);
        if (from is { } f && by is { } b && f.IsCalendar == b.IsCalendar && b.Value < f.Value)
        {
            throw Error($"{word}: by_year ({b}) is before from_year ({f}); the change must be reached in full on or after the year it starts.");
        }

        return new ScenarioOverride(kind, target, takenBy, change, value, from, by, row["note"]) { Where = $"line {row.Line}" };
    }

    private static string Word(ScenarioOverrideKind kind) => kind switch
    {
        ScenarioOverrideKind.Commissions => "commissions",
        ScenarioOverrideKind.LeaverRate => "leaver_rate",
        ScenarioOverrideKind.FtePerHead => "fte_per_head",
        ScenarioOverrideKind.DemandGrowth => "demand_growth",
        _ => "skill_mix",
    };

    private static ScenarioChange ChangeOf(ReferenceRow row, ScenarioOverrideKind kind, Func<string, ReferenceDataException> error)
    {
        var allowed = kind switch
        {
            ScenarioOverrideKind.Commissions => new[] { "percent", "add", "set" },
            ScenarioOverrideKind.LeaverRate => ["multiplier", "percent"],
            ScenarioOverrideKind.FtePerHead => ["set", "percent"],
            _ => ["percent"],
        };
        var change = row["change"].ToLowerInvariant();
        return allowed.Contains(change)
            ? Enum.Parse<ScenarioChange>(change, ignoreCase: true)
            : throw error($"{Word(kind)}: change '{row["change"]}' does not apply here; write {string.Join(" or ", allowed)}.");
    }

    private static double ValueOf(ReferenceRow row, ScenarioOverrideKind kind, ScenarioChange change, Func<string, ReferenceDataException> error)
    {
        var (min, max, what) = (kind, change) switch
        {
            (ScenarioOverrideKind.Commissions, ScenarioChange.Add) => (-10_000.0, 10_000.0, "a number of national starters a year to add (negative to remove)"),
            (ScenarioOverrideKind.Commissions, ScenarioChange.Set) => (0.0, 10_000.0, "a number of national starters a year"),
            (ScenarioOverrideKind.LeaverRate, ScenarioChange.Multiplier) => (0.0, 10.0, "a factor on the leaver rate (1.5 is half as many again, 0.8 a fifth fewer)"),
            (ScenarioOverrideKind.FtePerHead, ScenarioChange.Set) => (0.1, 1.5, "FTE a head (0.8 is four days a week on average)"),
            (ScenarioOverrideKind.FtePerHead, ScenarioChange.Percent) => (-90.0, 100.0, "a percentage change of FTE a head"),
            (ScenarioOverrideKind.SkillMix, _) => (0.0, 100.0, "the percentage of the role's demand the other role takes on"),
            _ => (-100.0, 1_000.0, "a percentage change (+20 for a fifth more, -10 for a tenth less)"),
        };
        var text = row["value"].TrimEnd('%').Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw error($"{Word(kind)}: value '{row["value"]}' must be {what}, from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (use '.' for decimals).");
    }

    private static string TargetOf(ReferenceRow row, ScenarioOverrideKind kind, PlanningAssumptions assumptions, RoleTaxonomy taxonomy, Func<string, ReferenceDataException> error)
    {
        var target = row["applies_to"];
        switch (kind)
        {
            case ScenarioOverrideKind.Commissions:
                return assumptions.Routes.Any(r => r.Code == target)
                    ? target
                    : throw error($"commissions: applies_to '{target}' is not a route in training-pipelines.csv; write one of {string.Join(", ", assumptions.Routes.Select(r => r.Code))}.");
            case ScenarioOverrideKind.LeaverRate or ScenarioOverrideKind.FtePerHead:
                return target.Equals(ScenarioTargets.All, StringComparison.OrdinalIgnoreCase) ? ScenarioTargets.All
                    : IsRole(target, taxonomy) ? target
                    : throw error($"{Word(kind)}: applies_to '{target}' is not a genomics role in roles.csv; write a role code (e.g. GC) or all.");
            case ScenarioOverrideKind.DemandGrowth:
                var folded = TitleText.Fold(target);
                return folded is "all" or "every service area" ? ScenarioTargets.All
                    : folded is "cancer arm" or "phase two" ? ServiceAreas.CancerSomatic
                    : ServiceAreas.Parse(target) is { } area && area != ServiceAreas.Unspecified ? area
                    : throw error($"demand_growth: applies_to '{target}' is not a service area; write Rare disease, Inherited cancer, Cancer (somatic) (or cancer arm) or all.");
            default:
                return IsRole(target, taxonomy)
                    ? target
                    : throw error($"skill_mix: applies_to '{target}' is not a genomics role in roles.csv; write the code of the role whose work is taken on (e.g. GC).");
        }
    }

    private static bool IsRole(string code, RoleTaxonomy taxonomy) => taxonomy.Contains(code) && code is not Role.OutOfScope and not Role.Unmapped;

    private static ScenarioYear? YearOf(ReferenceRow row, string column, int horizon, Func<string, ReferenceDataException> error)
    {
        var text = row[column].Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var plan = Regex.Match(text, @"^year\s+(\d{1,2})$", RegexOptions.IgnoreCase, RegexTimeout);
        if (plan.Success && int.Parse(plan.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= horizon)
        {
            return ScenarioYear.Plan(n);
        }

        if (Regex.IsMatch(text, @"^\d{4}$", RegexOptions.None, RegexTimeout) && int.Parse(text, CultureInfo.InvariantCulture) is var y && y is >= 2000 and <= 2100)
        {
            return ScenarioYear.Calendar(y);
        }

        throw error($"{column} '{text}' is not a year: write a calendar year (e.g. 2026) or a year of the plan from year 1 to year {horizon} (e.g. year 5), or leave it blank.");
    }
}
