using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Csv.ReferenceData;

/// <summary>
/// Loads and validates the reference data folder at start-up. Any mistake stops the program with the file and line.
/// The taxonomy version is the number in taxonomy-version.txt plus a hash of the files that decide roles, so that
/// every rule change gets a new version without anyone having to remember to bump it.
/// </summary>
public static class ReferenceDataLoader
{
    public const string RolesFile = "roles.csv";
    public const string RulesFile = "mapping-rules.csv";
    public const string TitleOverridesFile = "title-overrides.csv";
    public const string SynonymsFile = "title-synonyms.csv";
    public const string SignalsFile = "genomics-signals.csv";
    public const string GradesFile = "grades.csv";
    public const string OrganisationsFile = "organisations.csv";
    public const string AliasesFile = "header-aliases.csv";
    public const string AssignmentRulesFile = "assignment-rules.csv";
    public const string VersionFile = "taxonomy-version.txt";
    public const string SurveyAliasesFile = "survey-aliases.csv";
    public const string SuccessorsFile = "organisation-successors.csv";
    public const string ExclusionsFile = "scope-exclusions.csv";
    public const string AssumptionsFile = "supply-assumptions.csv";
    public const string RoutesFile = "training-routes.csv";
    public const string StandardWeeksFile = "standard-weeks.csv";
    public const string ServiceAreaRulesFile = "service-area-rules.csv";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static ReferenceDataSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReferenceDataException($"The reference data folder '{folder}' does not exist (set ReferenceData:Path).");
        }

        string P(string name) => Path.Combine(folder, name);

        var grades = LoadGrades(ReferenceTable.Read(P(GradesFile), "code", "label", "pay_scale", "band", "sort_order", "aliases"));
        var roles = LoadRoles(ReferenceTable.Read(P(RolesFile), "code", "name", "family", "typical_grade"));
        var version = $"{ReadVersion(P(VersionFile))}.{ContentHash(folder, RolesFile, TitleOverridesFile, RulesFile, SynonymsFile, SignalsFile, GradesFile, ExclusionsFile, ServiceAreaRulesFile)}";
        var taxonomy = new RoleTaxonomy(version, roles);
        var titles = new TitleNormaliser(LoadSynonyms(ReferenceTable.Read(P(SynonymsFile), "word", "replacement")));
        var signals = LoadSignals(ReferenceTable.Read(P(SignalsFile), "pattern"));
        var rules = LoadRules(ReferenceTable.Read(P(RulesFile), "rule_id", "role_code", "title", "context", "staff_group", "occupation_code", "grade"), taxonomy, grades);

        // Optional, so that a reference data folder from before overrides still loads. Tried before every rule.
        var overrides = File.Exists(P(TitleOverridesFile)) ? LoadTitleOverrides(ReferenceTable.Read(P(TitleOverridesFile), "title", "role_code", "note"), taxonomy, titles) : [];
        rules = [.. overrides.Select(o => o.ToRule(titles, RegexTimeout)), .. rules];
        // Optional, so that a reference data folder from before the exclusion layer still loads (with no exclusions).
        var exclusions = File.Exists(P(ExclusionsFile)) ? LoadExclusions(ReferenceTable.Read(P(ExclusionsFile), "exclusion_id", "place", "staff_group", "unless", "notes")) : [];
        var mapper = new RoleMapper(taxonomy, exclusions, rules, signals, titles, grades);
        var organisations = LoadOrganisations(ReferenceTable.Read(P(OrganisationsFile), "ods_code", "name", "type", "region_code", "region_name", "glh"));
        var aliases = LoadAliases(ReferenceTable.Read(P(AliasesFile), "field", "notation", "alias"));
        var assignments = LoadAssignmentRules(ReferenceTable.Read(P(AssignmentRulesFile), "kind", "value", "counted"));
        var surveyAliases = LoadSurveyAliases(ReferenceTable.Read(P(SurveyAliasesFile), "kind", "field", "alias"));
        // Optional, so that a reference data folder from before mergers were tracked still loads.
        var successors = File.Exists(P(SuccessorsFile)) ? LoadSuccessors(ReferenceTable.Read(P(SuccessorsFile), "old_code", "new_code", "effective_date")) : [];
        var assumptions = LoadAssumptions(folder, taxonomy);
        // Optional, so that a reference data folder from before it still loads (with the national terms).
        var weeks = File.Exists(P(StandardWeeksFile)) ? LoadStandardWeeks(ReferenceTable.Read(P(StandardWeeksFile), "staff_group", "hours_per_week")) : StandardWeeks.National;

        // Optional, so that a reference data folder from before service areas were decided still loads (all Unspecified).
        var serviceAreas = File.Exists(P(ServiceAreaRulesFile))
            ? LoadServiceAreaRules(ReferenceTable.Read(P(ServiceAreaRulesFile), "rule_id", "service_area", "place", "area_of_work", "cost_centre", "notes"))
            : [];
        return new ReferenceDataSet(aliases, taxonomy, mapper, grades, organisations, assignments, surveyAliases)
        {
            Successors = successors,
            TitleOverrides = overrides,
            SupplyAssumptions = assumptions,
            StandardWeeks = weeks,
            ServiceAreas = new ServiceAreaDecider(serviceAreas, titles),
            PlanningAssumptions = PlanningAssumptionsLoader.Load(folder, taxonomy, files => ContentHash(folder, files)),
        };
    }

    private static List<OrganisationSuccessor> LoadSuccessors(ReferenceTable table)
    {
        var successors = new List<OrganisationSuccessor>();
        foreach (var row in table.Rows)
        {
            var (from, to) = (row["old_code"].ToUpperInvariant(), row["new_code"].ToUpperInvariant());
            foreach (var code in new[] { from, to })
            {
                if (!Regex.IsMatch(code, "^[A-Z0-9]{3,5}$", RegexOptions.None, RegexTimeout))
                {
                    throw row.Error($"'{code}' is not a 3 to 5 character ODS code.");
                }
            }

            if (from == to)
            {
                throw row.Error($"{from} cannot succeed itself.");
            }

            if (!DateOnly.TryParseExact(row["effective_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
            {
                throw row.Error($"effective_date '{row["effective_date"]}' is not a date (yyyy-mm-dd).");
            }

            successors.Add(new OrganisationSuccessor(from, to, effective));
        }

        return successors;
    }

    private static string ReadVersion(string path)
    {
        var text = File.Exists(path) ? File.ReadAllText(path).Trim() : throw new ReferenceDataException(VersionFile, 0, "the file is missing.");
        return Regex.IsMatch(text, @"^\d+$", RegexOptions.None, RegexTimeout) ? text : throw new ReferenceDataException(VersionFile, 1, $"the taxonomy version must be a whole number; got '{text}'.");
    }

    private static string ContentHash(string folder, params string[] files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            // Normalise line endings so a checkout on Windows gets the same version as one on Linux.
            var path = Path.Combine(folder, file);
            var text = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n" + text));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..8];
    }

    private static GradeCatalogue LoadGrades(ReferenceTable table)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var esrCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var grades = new List<(Grade, IEnumerable<string>)>();
        foreach (var row in table.Rows)
        {
            var code = row["code"];
            if (code.Length == 0 || !seen.Add(code))
            {
                throw row.Error(code.Length == 0 ? "'code' is blank." : $"grade code '{code}' appears twice.");
            }

            if (!int.TryParse(row["sort_order"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sort))
            {
                throw row.Error($"sort_order '{row["sort_order"]}' is not a whole number.");
            }

            // An ESR grade code is one more spelling of the grade, but one code naming two grades would make the
            // pay band and grade code of a row disagree at random, so it is refused.
            var codes = row["esr_grade_codes"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var esr in codes)
            {
                if (!esrCodes.TryAdd(esr, code))
                {
                    throw row.Error($"ESR grade code '{esr}' is already listed for {esrCodes[esr]}.");
                }
            }

            var aliases = row["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            grades.Add((new Grade(code, row["label"], row["pay_scale"], NullIfEmpty(row["band"]), sort), [.. aliases, .. codes]));
        }

        return new GradeCatalogue(grades);
    }

    private static List<Role> LoadRoles(ReferenceTable table)
    {
        var roles = new List<Role>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = row["code"];
            if (!Regex.IsMatch(code, "^[A-Z][A-Z0-9-]*$", RegexOptions.None, RegexTimeout))
            {
                throw row.Error($"role code '{code}' must be upper-case letters, digits and hyphens.");
            }

            if (!seen.Add(code))
            {
                throw row.Error($"role code '{code}' appears twice.");
            }

            roles.Add(new Role(code, row["name"], row["family"], row["typical_grade"]));
        }

        foreach (var required in new[] { Role.OutOfScope, Role.Unmapped })
        {
            if (!seen.Contains(required))
            {
                throw new ReferenceDataException(table.FileName, 0, $"the taxonomy must define {required}.");
            }
        }

        return roles;
    }

    private static Regex LoadSignals(ReferenceTable table)
    {
        var patterns = table.Rows.Select(r =>
        {
            _ = CompilePattern(r, "pattern");
            return "(?:" + r["pattern"] + ")";
        }).ToList();
        return patterns.Count == 0
            ? throw new ReferenceDataException(table.FileName, 0, "at least one pattern is needed.")
            : new Regex(string.Join('|', patterns), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
    }

    private static Projection.SupplyAssumptions LoadAssumptions(string folder, RoleTaxonomy taxonomy)
    {
        // Optional, so that an older reference data folder still loads (the projection then has no training routes).
        if (!File.Exists(Path.Combine(folder, AssumptionsFile)) && !File.Exists(Path.Combine(folder, RoutesFile)))
        {
            return Projection.SupplyAssumptions.None;
        }

        var window = 12;
        foreach (var row in ReferenceTable.Read(Path.Combine(folder, AssumptionsFile), "assumption", "value").Rows)
        {
            if (row["assumption"] != "rate_window_months")
            {
                throw row.Error($"'{row["assumption"]}' is not an assumption this program knows (rate_window_months).");
            }

            if (!int.TryParse(row["value"], NumberStyles.None, CultureInfo.InvariantCulture, out window) || window is < 1 or > 60)
            {
                throw row.Error($"rate_window_months must be a whole number of months from 1 to 60; got '{row["value"]}'.");
            }
        }

        var routes = new List<Projection.TrainingRoute>();
        foreach (var row in ReferenceTable.Read(Path.Combine(folder, RoutesFile), "trainee_role", "qualified_role", "training_years", "completion_rate").Rows)
        {
            foreach (var column in new[] { "trainee_role", "qualified_role" })
            {
                if (!taxonomy.Contains(row[column]))
                {
                    throw row.Error($"{column} '{row[column]}' is not in {RolesFile}.");
                }
            }

            if (!double.TryParse(row["training_years"], NumberStyles.Float, CultureInfo.InvariantCulture, out var years) || years is <= 0 or > 15)
            {
                throw row.Error($"training_years must be a number of years above 0 and up to 15; got '{row["training_years"]}'.");
            }

            if (!double.TryParse(row["completion_rate"], NumberStyles.Float, CultureInfo.InvariantCulture, out var completion) || completion is < 0 or > 1)
            {
                throw row.Error($"completion_rate must be a share from 0 to 1; got '{row["completion_rate"]}'.");
            }

            if (routes.Any(r => r.TraineeRole == row["trainee_role"] || r.QualifiedRole == row["qualified_role"]))
            {
                throw row.Error($"each trainee role and each qualified role may appear in one route only ({row["trainee_role"]} → {row["qualified_role"]}).");
            }

            routes.Add(new Projection.TrainingRoute(row["trainee_role"], row["qualified_role"], years, completion));
        }

        return new Projection.SupplyAssumptions($"A.{ContentHash(folder, AssumptionsFile, RoutesFile)}", window, routes);
    }

    private static List<ScopeExclusion> LoadExclusions(ReferenceTable table)
    {
        var exclusions = new List<ScopeExclusion>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var id = row["exclusion_id"];
            if (id.Length == 0 || !ids.Add(id))
            {
                throw row.Error(id.Length == 0 ? "exclusion_id is blank." : $"exclusion_id '{id}' is used twice.");
            }

            if (row["place"].Length == 0 && row["staff_group"].Length == 0)
            {
                throw row.Error($"exclusion {id} needs a place or a staff_group; without one it would exclude every post.");
            }

            exclusions.Add(new ScopeExclusion(id, CompilePattern(row, "place"), CompilePattern(row, "staff_group"), CompilePattern(row, "unless"), row["notes"], row.File, (int)row.Line));
        }

        return exclusions;
    }

    private static List<ServiceAreaRule> LoadServiceAreaRules(ReferenceTable table)
    {
        string[] codes = [ServiceAreas.RareDisease, ServiceAreas.InheritedCancer, ServiceAreas.CancerSomatic, ServiceAreas.Unspecified];
        var rules = new List<ServiceAreaRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var id = row["rule_id"];
            if (id.Length == 0 || !ids.Add(id))
            {
                throw row.Error(id.Length == 0 ? "rule_id is blank." : $"rule_id '{id}' is used twice; each rule needs its own id.");
            }

            var area = row["service_area"].ToUpperInvariant();
            if (!codes.Contains(area, StringComparer.Ordinal))
            {
                throw row.Error($"rule {id}: service_area '{row["service_area"]}' is not one of {string.Join(", ", codes)}.");
            }

            if (row["place"].Length == 0 && row["area_of_work"].Length == 0 && row["cost_centre"].Length == 0)
            {
                throw row.Error($"rule {id} needs a place, area_of_work or cost_centre pattern; without one it would give every post {area}.");
            }

            rules.Add(new ServiceAreaRule(id, area, CompilePattern(row, "place"), CompilePattern(row, "area_of_work"), CompilePattern(row, "cost_centre"), row["notes"], row.File, (int)row.Line));
        }

        return rules;
    }

    /// <summary>
    /// The abbreviations and spellings. A word listed twice (as the rules read it, so "Co-ord" and "co ord" are one)
    /// with two replacements is refused: only one of its lines could take effect, and the team editing the other would
    /// see nothing change. Listed twice with the same replacement it changes nothing and is let be, so that a folder
    /// copied from an earlier release, which repeated a few, still loads.
    /// </summary>
    private static List<KeyValuePair<string, string>> LoadSynonyms(ReferenceTable table)
    {
        var synonyms = new List<KeyValuePair<string, string>>();
        var first = new Dictionary<string, (long Line, string Replacement)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var word = TitleText.Fold(row["word"]);
            if (word.Length == 0)
            {
                throw row.Error("'word' is blank: write the abbreviation or spelling as titles show it.");
            }

            var replacement = TitleText.Fold(row["replacement"]);
            if (first.TryGetValue(word, out var earlier))
            {
                if (earlier.Replacement != replacement)
                {
                    throw row.Error($"'{row["word"]}' is already listed on line {earlier.Line}, as '{earlier.Replacement}' (words are compared as the rules read them: case and punctuation do not matter); keep the line you mean and delete the other.");
                }

                continue;
            }

            first[word] = (row.Line, replacement);
            synonyms.Add(new(row["word"], row["replacement"]));
        }

        return synonyms;
    }

    private static List<TitleOverride> LoadTitleOverrides(ReferenceTable table, RoleTaxonomy taxonomy, TitleNormaliser titles)
    {
        var overrides = new List<TitleOverride>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var title = row["title"].Trim();
            var normalised = titles.Normalise(title);
            if (normalised.Length == 0)
            {
                throw row.Error("title is blank: write the job title exactly as the files show it.");
            }

            if (lines.TryGetValue(normalised, out var earlier))
            {
                throw row.Error($"the title '{title}' already has an override on line {earlier} (titles are compared as the rules see them: case, spaces, punctuation and abbreviations do not matter); keep one of the two.");
            }

            var role = row["role_code"].Trim().ToUpperInvariant();
            if (!taxonomy.Contains(role) || role == Role.Unmapped)
            {
                throw row.Error($"role_code '{row["role_code"]}' is not a role in {RolesFile} (use one of its codes, or {Role.OutOfScope} for a title that is not genomics).");
            }

            lines[normalised] = row.Line;
            overrides.Add(new TitleOverride(title, role, row["note"], row.File, (int)row.Line));
        }

        return overrides;
    }

    private static List<MappingRule> LoadRules(ReferenceTable table, RoleTaxonomy taxonomy, GradeCatalogue grades)
    {
        var rules = new List<MappingRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var conditions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = row["rule_id"];
            if (id.Length == 0)
            {
                throw row.Error("rule_id is blank.");
            }

            if (!ids.Add(id))
            {
                throw row.Error($"rule_id '{id}' is used twice; each rule needs its own id.");
            }

            var role = row["role_code"];
            if (!taxonomy.Contains(role))
            {
                throw row.Error($"rule {id}: role_code '{role}' is not in {RolesFile}.");
            }

            var key = string.Join('\u001f', row["title"], row["context"], row["place"], row["staff_group"], row["occupation_code"], row["grade"]);
            if (key.Replace("\u001f", string.Empty, StringComparison.Ordinal).Length == 0)
            {
                throw row.Error($"rule {id} has no condition at all and would match every post.");
            }

            if (conditions.TryGetValue(key, out var earlier))
            {
                throw row.Error($"rule {id} has exactly the same conditions as rule {earlier}, so it can never decide anything.");
            }

            conditions[key] = id;
            GradeSet? gradeSet = null;
            if (row["grade"].Length > 0)
            {
                try
                {
                    gradeSet = GradeSet.Parse(row["grade"], grades);
                }
                catch (FormatException ex)
                {
                    throw row.Error($"rule {id}: {ex.Message}.");
                }
            }

            rules.Add(new MappingRule(
                id,
                role,
                CompilePattern(row, "title"),
                CompilePattern(row, "context"),
                CompilePattern(row, "place"),
                CompilePattern(row, "staff_group"),
                CompilePattern(row, "occupation_code"),
                gradeSet,
                row.File,
                (int)row.Line));
        }

        return rules;
    }

    private static Regex? CompilePattern(ReferenceRow row, string column)
    {
        var pattern = row[column];
        if (pattern.Length == 0)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw row.Error($"{column} pattern '{pattern}' is not a valid regular expression: {ex.Message}");
        }
    }

    private static OrganisationCatalogue LoadOrganisations(ReferenceTable table)
    {
        var orgs = new List<Organisation>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var code = row["ods_code"].ToUpperInvariant();
            if (!Regex.IsMatch(code, "^[A-Z0-9]{3,5}$", RegexOptions.None, RegexTimeout))
            {
                throw row.Error($"ods_code '{code}' is not a 3 to 5 character ODS code.");
            }

            if (!seen.Add(code))
            {
                throw row.Error($"ods_code '{code}' appears twice.");
            }

            orgs.Add(new Organisation(code, row["name"], row["type"].Length > 0 ? row["type"] : "Other", NullIfEmpty(row["region_code"]), NullIfEmpty(row["region_name"]), NullIfEmpty(row["glh"])));
        }

        return new OrganisationCatalogue(orgs);
    }

    private static HeaderAliases LoadAliases(ReferenceTable table)
    {
        var aliases = new List<(EsrField, string)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var field = AliasField(row);
            var folded = HeaderName.Fold(row["alias"]);
            if (folded.Length == 0)
            {
                throw row.Error("alias is blank.");
            }

            if (seen.TryGetValue(folded, out var other))
            {
                throw row.Error($"alias '{row["alias"]}' is already listed for {other}.");
            }

            seen[folded] = FieldNotations.Describe(field);
            aliases.Add((field, row["alias"]));
        }

        return new HeaderAliases(aliases);
    }

    // A field with several notations (PersonId: national or local) needs the notation; the others take none.
    private static EsrField AliasField(ReferenceRow row)
    {
        if (!Enum.TryParse<EsrField>(row["field"], ignoreCase: true, out var field) || int.TryParse(row["field"], CultureInfo.InvariantCulture, out _)
            || FieldNotations.FieldOf(field) != field)
        {
            var fields = Enum.GetValues<EsrField>().Where(f => FieldNotations.FieldOf(f) == f);
            throw row.Error($"field '{row["field"]}' is not one of: {string.Join(", ", fields)}.");
        }

        var notations = FieldNotations.NotationsOf(field);
        var notation = row["notation"];
        if (notations.Count == 0)
        {
            return notation.Length == 0 ? field : throw row.Error($"{field} has one notation: leave 'notation' blank.");
        }

        return FieldNotations.ColumnFor(field, notation)
            ?? throw row.Error($"{field} needs a notation, one of: {string.Join(", ", notations)} (found '{notation}').");
    }

    private static StandardWeeks LoadStandardWeeks(ReferenceTable table)
    {
        decimal? fallback = null;
        var byGroup = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!decimal.TryParse(row["hours_per_week"], NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 100)
            {
                throw row.Error($"hours_per_week '{row["hours_per_week"]}' is not a number of hours between 1 and 100 (use '.' for decimals).");
            }

            var group = row["staff_group"];
            if (group.Length == 0)
            {
                throw row.Error("staff_group is blank (write * for every staff group not listed).");
            }

            if (group == "*" ? fallback is not null : !byGroup.TryAdd(TitleText.Fold(group), hours))
            {
                throw row.Error($"staff group '{group}' is listed twice.");
            }

            fallback = group == "*" ? hours : fallback;
        }

        return new StandardWeeks(fallback ?? StandardWeeks.AgendaForChangeHours, byGroup);
    }

    private static AssignmentRules LoadAssignmentRules(ReferenceTable table)
    {
        var statuses = new List<string>();
        var contracts = new List<string>();
        var notCounted = new List<string>();
        foreach (var row in table.Rows)
        {
            var counted = row["counted"].ToUpperInvariant() switch
            {
                "YES" or "Y" => true,
                "NO" or "N" => false,
                _ => throw row.Error($"counted must be yes or no; got '{row["counted"]}'."),
            };
            var list = row["kind"].ToUpperInvariant() switch
            {
                "STATUS" => statuses,
                "CONTRACT" => contracts,
                _ => throw row.Error($"kind must be status or contract; got '{row["kind"]}'."),
            };
            (counted ? list : notCounted).Add(row["value"]);
        }

        return new AssignmentRules(statuses, contracts, notCounted);
    }

    private static SurveyAliases LoadSurveyAliases(ReferenceTable table)
    {
        var aliases = new SurveyAliases();
        foreach (var row in table.Rows)
        {
            var (kind, field, alias) = (row["kind"].ToUpperInvariant(), row["field"], row["alias"]);
            if (HeaderName.Fold(alias).Length == 0)
            {
                throw row.Error("alias is blank.");
            }

            switch (kind)
            {
                case "SHEET" when Enum.TryParse<SurveySheet>(field, true, out var sheet):
                    aliases.AddSheet(alias, sheet);
                    break;
                case "COVER" when Enum.TryParse<CoverField>(field, true, out var cover):
                    aliases.AddCover(alias, cover);
                    break;
                case "COLUMN" when Enum.TryParse<SurveyField>(field, true, out var column):
                    aliases.AddColumn(alias, column);
                    break;
                default:
                    throw row.Error($"'{row["kind"]},{field}' is not a known kind and field (kinds: sheet, cover, column).");
            }
        }

        return aliases;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
