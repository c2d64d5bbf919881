using System.Globalization;
using StaffDataPipeline.Taxonomy;
using static StaffDataPipeline.Planning.Pack.PackFormatting;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// One pack being composed: the runs indexed by unit, line and year, the units' organisations, the suppression rule.
/// The sections are in the other parts of this class (supply, workforce, data quality, assumptions).
/// </summary>
internal sealed partial class PackComposer
{
    private readonly PlanningAssumptions _assumptions;
    private readonly RoleTaxonomy _taxonomy;
    private readonly PlanningGeography _geography;
    private readonly IReadOnlyList<PlanRecord> _runs;
    private readonly PlanRecord _baseline;
    private readonly PlanningInputs _inputs;
    private readonly PackFacts _facts;
    private readonly PackSuppression _suppression;
    private readonly int _horizon;
    private readonly IReadOnlyList<string> _categories;
    private readonly List<Dictionary<(PlanningUnit Unit, string Code, bool IsFamily), PlanLine?[]>> _lines;
    private readonly List<string> _familyOrder;
    private readonly Dictionary<string, int> _roleOrder;

    public PackComposer(PlanningAssumptions assumptions, RoleTaxonomy taxonomy, PlanningGeography geography, IReadOnlyList<PlanRecord> runs, PlanningInputs inputs, PackFacts facts)
    {
        _assumptions = assumptions;
        _taxonomy = taxonomy;
        _geography = geography;
        _runs = runs;
        _baseline = runs[0];
        _inputs = inputs;
        _facts = facts;
        _suppression = new PackSuppression(assumptions.SuppressBelowHeads);
        _horizon = _baseline.Result.Lines.Count == 0 ? assumptions.Horizon : _baseline.Result.Lines.Max(l => l.Year);
        _categories = [.. Enumerable.Range(0, _horizon + 1).Select(y => (DataAsOf.Year + y).ToString(CultureInfo.InvariantCulture))];
        _lines = [.. runs.Select(Index)];
        var roles = taxonomy.Roles.Where(r => r.Code is not Role.OutOfScope and not Role.Unmapped).ToList();
        _roleOrder = roles.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _familyOrder = [.. roles.Select(r => r.Family).Distinct(StringComparer.Ordinal)];
    }

    private DateOnly DataAsOf => _baseline.Result.DataAsOf;

    public PackDocument Compose()
    {
        var units = _baseline.Result.Lines.Select(l => l.Unit).Where(u => u.Level != UnitLevel.Organisation).Distinct()
            .OrderBy(u => u.Level).ThenBy(u => u.Code == PlanningGeography.NotKnown).ThenBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        if (!units.Contains(PlanningUnit.England))
        {
            units.Insert(0, PlanningUnit.England);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = units.Select(u => UnitSheet(u, SheetName(u, names), units)).ToList();
        sheets.Add(AssumptionsSheet(SheetName("Assumptions", names)));
        return new PackDocument(PlanningPackBuilder.Title, RunStatement(), sheets);
    }

    private string RunStatement()
    {
        var r = _baseline.Result;
        var scenarios = _runs.Count == 1 ? $"scenario {r.Scenario}" : $"scenarios {List(_runs.Select(x => x.Result.Scenario))}";
        return string.Create(CultureInfo.InvariantCulture,
            $"Run at {_baseline.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC on data as of {Date(r.DataAsOf)}; {scenarios}; assumptions {r.AssumptionsVersion}; seed {r.Seed}; {r.Runs} Monte Carlo runs.");
    }

    private static string SheetName(PlanningUnit unit, HashSet<string> taken) => SheetName(unit.Level switch
    {
        _ when unit.Code == PlanningGeography.NotKnown => unit.Name,
        UnitLevel.National => "England",
        UnitLevel.Region => "Region " + unit.Name,
        _ => "GLH " + unit.Name,
    }, taken);

    /// <summary>A sheet tab: at most 31 characters, none of []:*?/\, unique in the pack (a number added if not).</summary>
    private static string SheetName(string wanted, HashSet<string> taken)
    {
        var clean = new string([.. wanted.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim().Trim('\'');
        clean = clean.Length > 31 ? clean[..31].TrimEnd() : clean;
        var name = clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = " " + n.ToString(CultureInfo.InvariantCulture);
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static Dictionary<(PlanningUnit Unit, string Code, bool IsFamily), PlanLine?[]> Index(PlanRecord run)
    {
        var horizon = run.Result.Lines.Count == 0 ? 0 : run.Result.Lines.Max(l => l.Year);
        var index = new Dictionary<(PlanningUnit, string, bool), PlanLine?[]>();
        foreach (var line in run.Result.Lines)
        {
            var key = (line.Unit, line.Code, line.IsFamily);
            if (!index.TryGetValue(key, out var years))
            {
                index[key] = years = new PlanLine?[horizon + 1];
            }

            years[line.Year] = line;
        }

        return index;
    }

    private PlanLine?[]? LinesOf(int run, PlanningUnit unit, string code, bool isFamily) =>
        _lines[run].TryGetValue((unit, code, isFamily), out var years) ? years : null;

    private IReadOnlyList<string> OrganisationsOf(PlanningUnit unit) =>
        _baseline.OrganisationsByUnit.TryGetValue(unit, out var organisations) ? [.. organisations.Order(StringComparer.Ordinal)] : [];

    private string FamilyOf(string role) => _taxonomy.Contains(role) ? _taxonomy[role].Family : "Not in the taxonomy";

    private string RoleName(string role) => _taxonomy.Contains(role) ? _taxonomy[role].Name : role;

    private int FamilyRank(string family) => _familyOrder.IndexOf(family) is var i and >= 0 ? i : _familyOrder.Count;

    private int RoleRank(string role) => _roleOrder.TryGetValue(role, out var i) ? i : int.MaxValue;

    /// <summary>The families with a line in the unit (baseline), in roles.csv order.</summary>
    private List<string> FamiliesIn(PlanningUnit unit) =>
        [.. _lines[0].Keys.Where(k => k.Unit == unit && k.IsFamily).Select(k => k.Code).Distinct(StringComparer.Ordinal).OrderBy(FamilyRank).ThenBy(f => f, StringComparer.Ordinal)];

    /// <summary>The roles with a line in the unit (baseline), by family then roles.csv order.</summary>
    private List<string> RolesIn(PlanningUnit unit) =>
        [.. _lines[0].Keys.Where(k => k.Unit == unit && !k.IsFamily).Select(k => k.Code).Distinct(StringComparer.Ordinal)
            .OrderBy(r => FamilyRank(FamilyOf(r))).ThenBy(RoleRank).ThenBy(r => r, StringComparer.Ordinal)];

    private string OrganisationName(string code) =>
        _facts.Esr.FirstOrDefault(e => string.Equals(e.OrganisationCode, code, StringComparison.OrdinalIgnoreCase))?.OrganisationName
        ?? _facts.Returns.FirstOrDefault(e => string.Equals(e.OrganisationCode, code, StringComparison.OrdinalIgnoreCase))?.OrganisationName
        ?? _geography.OrganisationUnit(code).Name;

    private static string Describe(PlanningUnit unit) => unit.Level switch
    {
        _ when unit.Code == PlanningGeography.NotKnown => $"{unit.Name} (organisations.csv gives no {(unit.Level == UnitLevel.Region ? "region" : "GLH")})",
        UnitLevel.National => "England",
        UnitLevel.Region => $"{unit.Name} (NHS England region)",
        UnitLevel.Glh => $"{unit.Name} (Genomic Laboratory Hub)",
        _ => unit.Name,
    };

    private PackSheet UnitSheet(PlanningUnit unit, string name, List<PlanningUnit> units)
    {
        var organisations = OrganisationsOf(unit);
        var r = _baseline.Result;
        var blocks = new List<PackBlock>
        {
            Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{Describe(unit)}: {organisations.Count} organisation(s). Supply is projected from ESR staff in post as of {Date(DataAsOf)} (year 0, {_categories[0]}) to year {_horizon} ({_categories[^1]}), beside the demand the survey returns state; {r.Runs} Monte Carlo runs, seed {r.Seed}, assumptions {r.AssumptionsVersion} (see the Assumptions sheet).")),
            Note(_suppression.Rule),
        };
        if (unit.IsNational && units.Count > 1)
        {
            blocks.AddRange(AtAGlance(units));
        }

        blocks.AddRange(DataQuality(unit, organisations));
        blocks.AddRange(SupplyAgainstDemand(unit));
        if (_runs.Count > 1)
        {
            blocks.AddRange(ScenariosSideBySide(unit));
        }

        blocks.AddRange(GapByRole(unit));
        blocks.AddRange(Commissions(unit));
        blocks.AddRange(AgeProfile(unit, organisations));
        blocks.AddRange(Joiners(unit, organisations));
        blocks.AddRange(Vacancies(organisations));
        blocks.AddRange(SkillMix(organisations));
        var heading = unit.IsNational ? "England: national summary of supply against stated demand" : $"{Describe(unit)}: supply against stated demand";
        return new PackSheet(name, heading, blocks);
    }
}
