using System.Globalization;
using System.Text.RegularExpressions;
using StaffDataPipeline.Planning;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Csv.ReferenceData;

/// <summary>
/// Loads the plan's assumption register: training-pipelines.csv (the routes, each with the source of its figures) and
/// planning-assumptions.csv (thresholds and run settings), then the scenarios (<see cref="ScenarioLoader"/>). Every
/// mistake names the file and line. All are optional, so that an older reference data folder still loads (the plan
/// then has no routes, the defaults and the baseline only).
/// </summary>
internal static class PlanningAssumptionsLoader
{
    public const string RoutesFile = "training-pipelines.csv";
    public const string SettingsFile = "planning-assumptions.csv";

    public static PlanningAssumptions Load(string folder, RoleTaxonomy taxonomy, Func<string[], string> hash)
    {
        var routesPath = Path.Combine(folder, RoutesFile);
        var settingsPath = Path.Combine(folder, SettingsFile);
        var assumptions = PlanningAssumptions.None;
        if (File.Exists(routesPath) || File.Exists(settingsPath))
        {
            var routes = File.Exists(routesPath) ? LoadRoutes(ReferenceTable.Read(routesPath, RouteColumns), taxonomy) : [];
            assumptions = new PlanningAssumptions($"P.{hash([RoutesFile, SettingsFile])}", routes);
            assumptions = File.Exists(settingsPath) ? WithSettings(assumptions, ReferenceTable.Read(settingsPath, "assumption", "value", "source")) : assumptions;
        }

        // Scenarios name routes and the horizon, so they load last.
        var (scenarios, problems) = ScenarioLoader.Load(folder, assumptions, taxonomy, hash);
        return assumptions with { Scenarios = scenarios, ScenarioProblems = problems };
    }

    private static readonly string[] RouteColumns =
        ["route_code", "route_name", "trainee_role", "qualified_role", "training_years", "annual_attrition", "completion_rate", "take_post_rate", "stay_where_trained", "commissions_per_year", "source"];

    private static List<PlanningRoute> LoadRoutes(ReferenceTable table, RoleTaxonomy taxonomy)
    {
        var routes = new List<PlanningRoute>();
        foreach (var row in table.Rows)
        {
            var code = row["route_code"];
            if (!Regex.IsMatch(code, "^[A-Z][A-Z0-9-]*$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                throw row.Error($"route_code '{code}' must be upper-case letters, digits and hyphens.");
            }

            if (routes.Any(r => r.Code == code))
            {
                throw row.Error($"route_code '{code}' appears twice.");
            }

            foreach (var column in new[] { "trainee_role", "qualified_role" })
            {
                if (!taxonomy.Contains(row[column]) || row[column] is Role.OutOfScope or Role.Unmapped)
                {
                    throw row.Error($"route {code}: {column} '{row[column]}' is not a genomics role in roles.csv.");
                }
            }

            if (row["trainee_role"] == row["qualified_role"])
            {
                throw row.Error($"route {code}: trainee_role and qualified_role are both {row["trainee_role"]}; trainees must qualify into another role.");
            }

            if (!int.TryParse(row["training_years"], NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years is < 1 or > 10)
            {
                throw row.Error($"route {code}: training_years must be a whole number of years from 1 to 10; got '{row["training_years"]}'.");
            }

            double Share(string column) =>
                double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1
                    ? v
                    : throw row.Error($"route {code}: {column} must be a share from 0 to 1 (use '.' for decimals); got '{row[column]}'.");

            var (attrition, completion, takePost, stay) = (Share("annual_attrition"), Share("completion_rate"), Share("take_post_rate"), Share("stay_where_trained"));
            double? commissions = null;
            if (row["commissions_per_year"].Length > 0)
            {
                commissions = double.TryParse(row["commissions_per_year"], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 10_000
                    ? c
                    : throw row.Error($"route {code}: commissions_per_year must be blank (the baseline: last year's starters) or a number of starters a year from 0; got '{row["commissions_per_year"]}'.");
            }

            if (row["source"].Length == 0)
            {
                throw row.Error($"route {code}: source is blank; name where the figures come from (or 'starting value to agree').");
            }

            // Optional: the grades that put a trainee on this route where routes share a trainee role (HSST's band 7 and up).
            var grades = row["trainee_grades"].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (grades.FirstOrDefault(g => !Regex.IsMatch(g, "^[A-Z][A-Z0-9-]*$", RegexOptions.None, TimeSpan.FromSeconds(1))) is { } badGrade)
            {
                throw row.Error($"route {code}: trainee_grades '{badGrade}' is not a grade code as in grades.csv (upper case, e.g. AFC-7); separate codes with |.");
            }

            routes.Add(new PlanningRoute(code, row["route_name"], row["trainee_role"], row["qualified_role"], years, attrition, completion, takePost, stay, commissions, row["source"]) { TraineeGrades = grades });
        }

        return routes;
    }

    private static PlanningAssumptions WithSettings(PlanningAssumptions assumptions, ReferenceTable table)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var name = row["assumption"];
            if (!seen.Add(name))
            {
                throw row.Error($"assumption '{name}' is listed twice.");
            }

            sources[name] = row["source"];

            double Number(double min, double max, bool whole)
            {
                var ok = double.TryParse(row["value"], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max && (!whole || v == Math.Floor(v));
                return ok ? v : throw row.Error($"{name} must be a {(whole ? "whole number" : "number")} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; got '{row["value"]}'.");
            }

            assumptions = name switch
            {
                "organisation_threshold_heads" => assumptions with { OrganisationThresholdHeads = (int)Number(1, 10_000, whole: true) },
                "credibility_min" => assumptions with { CredibilityMin = Number(0.1, 100_000, whole: false) },
                "credibility_max" => assumptions with { CredibilityMax = Number(0.1, 1_000_000, whole: false) },
                "ageing_under_50" => assumptions with { AgeingUnder50 = Number(0, 1, whole: false) },
                "runs" => assumptions with { Runs = (int)Number(1, 100_000, whole: true) },
                "horizon_years" => assumptions with { Horizon = (int)Number(1, 30, whole: true) },
                "suppress_below_heads" => assumptions with { SuppressBelowHeads = (int)Number(0, 100, whole: true) },
                "prior_leaver_rate_under_55" => assumptions with { PriorLeaverRates = [Number(0, 1, whole: false), assumptions.PriorLeaverRates[1], assumptions.PriorLeaverRates[2]] },
                "prior_leaver_rate_55_59" => assumptions with { PriorLeaverRates = [assumptions.PriorLeaverRates[0], Number(0, 1, whole: false), assumptions.PriorLeaverRates[2]] },
                "prior_leaver_rate_60_plus" => assumptions with { PriorLeaverRates = [assumptions.PriorLeaverRates[0], assumptions.PriorLeaverRates[1], Number(0, 1, whole: false)] },
                "prior_joiner_rate" => assumptions with { PriorJoinerRate = Number(0, 2, whole: false) },
                "prior_person_years" => assumptions with { PriorPersonYears = Number(0, 100_000, whole: false) },
                _ => throw row.Error($"'{name}' is not an assumption this program knows (organisation_threshold_heads, credibility_min, credibility_max, ageing_under_50, runs, horizon_years, suppress_below_heads, prior_leaver_rate_under_55, prior_leaver_rate_55_59, prior_leaver_rate_60_plus, prior_joiner_rate, prior_person_years)."),
            };
        }

        assumptions = assumptions with { Sources = sources };
        return assumptions.CredibilityMin > assumptions.CredibilityMax
            ? throw new ReferenceDataException(table.FileName, 0, $"credibility_min ({assumptions.CredibilityMin.ToString(CultureInfo.InvariantCulture)}) is above credibility_max ({assumptions.CredibilityMax.ToString(CultureInfo.InvariantCulture)}).")
            : assumptions;
    }
}
