using System.Globalization;
using static StaffDataPipeline.Planning.Pack.PackFormatting;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>Supply against stated demand: the charts by role family, the scenarios side by side, the gap by role and the commissions needed.</summary>
internal sealed partial class PackComposer
{
    private const string CategoryAxis = "Year (calendar year of the data date plus years ahead)";
    private const string ValueAxis = "FTE";

    private IEnumerable<PackBlock> AtAGlance(List<PlanningUnit> units)
    {
        yield return Heading("Regions and GLHs at a glance");
        yield return Paragraph("All roles in each unit, baseline scenario. Supply in 10 years adds up the role families' P50s (close to, not exactly, the P50 of the total). The fewest months of flows is the least among the unit's organisations with ESR staff in post: 0 means at least one rests on England's rates only, and under 12 England's own rates are mostly the assumed ones on the Assumptions sheet (prior_…), not yet observed; blank, none has ESR staff in post.");
        var year = Math.Min(10, _horizon);
        var rows = units.Select(u =>
        {
            var families = FamiliesIn(u).Select(f => LinesOf(0, u, f, true)).Where(l => l is not null).Select(l => l!).ToList();
            double? Sum(Func<PlanLine, double?> pick, int y) => families.Select(l => l[y]).Where(l => l is not null).Select(l => pick(l!)).Where(v => v is not null).Sum();
            var organisations = OrganisationsOf(u);
            var noReturn = organisations.Count(o => !_facts.Returns.Any(r => string.Equals(r.OrganisationCode, o, StringComparison.OrdinalIgnoreCase)));
            return new[]
            {
                TextCell(u.Name), TextCell(u.Level == UnitLevel.National ? "England" : u.Level == UnitLevel.Region ? "Region" : "GLH"),
                PackCell.Of(organisations.Count), FteCell(Sum(l => l.SupplyFte.P50, 0)), FteCell(Sum(l => l.SupplyFte.P50, year)),
                FteCell(Sum(l => l.DemandFte, year)), PackCell.Of(FewestFlowMonths(organisations)), PackCell.Of(noReturn),
            };
        });
        yield return new PackTable("Units at a glance (FTE)",
            [Text("Unit"), Text("Kind"), WholeNumber("Organisations"), Fte("Supply today"), Fte($"Supply in {year} years (P50)"), Fte($"Stated demand in {year} years"), WholeNumber("Fewest months of flows"), WholeNumber("Organisations with no return")],
            Rows(rows));
    }

    private IEnumerable<PackBlock> SupplyAgainstDemand(PlanningUnit unit)
    {
        yield return Heading("Supply against stated demand, by role family");
        yield return Paragraph("The shaded band is supply's P10 to P90 (8 in 10 runs fall inside it), the line its P50 (the middle run), the dashed line the demand the survey returns state (funded establishment today, the 5- and 10-year figures joined by straight lines). Gap = demand minus supply: positive is a shortfall. A family's demand and gap cover only the roles a return states demand for.");
        foreach (var family in FamiliesIn(unit))
        {
            var lines = LinesOf(0, unit, family, true)!;
            var hasDemand = lines.Any(l => l?.DemandFte is not null);
            var series = new List<PackSeries>
            {
                new("Supply P10", Values(lines, l => l.SupplyFte.P10), PackSeriesKind.BandLow),
                new("Supply P90", Values(lines, l => l.SupplyFte.P90), PackSeriesKind.BandHigh),
                new("Supply P50", Values(lines, l => l.SupplyFte.P50), PackSeriesKind.Line),
            };
            if (hasDemand)
            {
                series.Add(new PackSeries("Stated demand", Values(lines, l => l.DemandFte), PackSeriesKind.Demand));
            }

            yield return new PackChart($"{family}: supply against stated demand, {unit.Name}", CategoryAxis, ValueAxis, _categories, series);
            if (!hasDemand)
            {
                continue;
            }

            // The chart's own figures are laid out with it by each writer; the gap, with its range, is this table's.
            var rows = Enumerable.Range(0, _horizon + 1).Select(y => lines[y] is { } l
                ? new[] { TextCell(_categories[y]), FteCell(l.GapFte?.P10), FteCell(l.GapFte?.P50), FteCell(l.GapFte?.P90) }
                : [TextCell(_categories[y]), PackCell.Empty, PackCell.Empty, PackCell.Empty]);
            yield return new PackTable($"{family}: the gap by year, demand minus supply (FTE; positive is a shortfall)",
                [Text("Year"), Fte("Gap P10"), Fte("Gap P50"), Fte("Gap P90")], Rows(rows));
        }
    }

    private IEnumerable<PackBlock> ScenariosSideBySide(PlanningUnit unit)
    {
        yield return Heading("Scenarios side by side");
        yield return Paragraph($"One line per scenario (its P50), beside stated demand; a scenario that changes demand has its own dashed line. Scenarios: {List(_runs.Select(r => r.Result.Scenario))}; what each changes is on the Assumptions sheet.");
        foreach (var family in FamiliesIn(unit))
        {
            var series = new List<PackSeries>();
            IReadOnlyList<double?>? baselineDemand = null;
            for (var run = 0; run < _runs.Count; run++)
            {
                var lines = LinesOf(run, unit, family, true);
                var p50 = lines is null ? Nulls() : Values(lines, l => l.SupplyFte.P50);
                series.Add(new PackSeries(_runs[run].Result.Scenario, p50, PackSeriesKind.Line));
            }

            for (var run = 0; run < _runs.Count; run++)
            {
                var lines = LinesOf(run, unit, family, true);
                var demand = lines is null ? Nulls() : Values(lines, l => l.DemandFte);
                if (demand.All(d => d is null) || (baselineDemand is not null && demand.SequenceEqual(baselineDemand)))
                {
                    continue;
                }

                var label = baselineDemand is null ? "Stated demand" : $"Stated demand ({_runs[run].Result.Scenario})";
                baselineDemand ??= demand;
                series.Add(new PackSeries(label, demand, PackSeriesKind.Demand));
            }

            yield return new PackChart($"{family}: scenarios, {unit.Name}", CategoryAxis, ValueAxis, _categories, series);
        }

        var gapRows = new List<PackCell[]>();
        for (var run = 0; run < _runs.Count; run++)
        {
            foreach (var family in FamiliesIn(unit))
            {
                var lines = LinesOf(run, unit, family, true);
                var row = new List<PackCell> { TextCell(_runs[run].Result.Scenario), TextCell(family) };
                foreach (var year in HorizonYears())
                {
                    var gap = lines?[year]?.GapFte;
                    row.AddRange([FteCell(gap?.P10), FteCell(gap?.P50), FteCell(gap?.P90)]);
                }

                gapRows.Add([.. row]);
            }
        }

        var gapColumns = new List<PackColumn> { Text("Scenario"), Text("Role family") };
        foreach (var year in HorizonYears())
        {
            gapColumns.AddRange([Fte($"Gap in {year} years P10"), Fte($"Gap in {year} years P50"), Fte($"Gap in {year} years P90")]);
        }

        yield return new PackTable("The gap at 5 and 10 years by scenario (FTE, demand minus supply)", gapColumns, Rows(gapRows));
    }

    private IEnumerable<PackBlock> GapByRole(PlanningUnit unit)
    {
        yield return Heading("The gap by role");
        yield return Paragraph("Baseline scenario, FTE. Demand is blank where no return states demand for the role; the gap then is too.");
        var columns = new List<PackColumn> { Text("Role code"), Text("Role"), Text("Role family"), Fte("Supply today"), Fte("Demand today") };
        foreach (var year in HorizonYears())
        {
            columns.AddRange([Fte($"Supply in {year} years P50"), Fte($"Demand in {year} years"), Fte($"Gap in {year} years P10"), Fte($"Gap in {year} years P50"), Fte($"Gap in {year} years P90")]);
        }

        var rows = RolesIn(unit).Select(role =>
        {
            var lines = LinesOf(0, unit, role, false)!;
            var row = new List<PackCell> { TextCell(role), TextCell(RoleName(role)), TextCell(FamilyOf(role)), FteCell(lines[0]?.SupplyFte.P50), FteCell(lines[0]?.DemandFte) };
            foreach (var year in HorizonYears())
            {
                var l = lines[year];
                row.AddRange([FteCell(l?.SupplyFte.P50), FteCell(l?.DemandFte), FteCell(l?.GapFte?.P10), FteCell(l?.GapFte?.P50), FteCell(l?.GapFte?.P90)]);
            }

            return row.ToArray();
        });
        yield return new PackTable("Supply, stated demand and the gap by role (FTE)", columns, Rows(rows));
    }

    private IEnumerable<PackBlock> Commissions(PlanningUnit unit)
    {
        yield return Heading("Training commissions needed");
        yield return Paragraph("For each training route: the starters a year, from next year to the horizon, that would close the qualified role's gap at 5 and at 10 years, given the route's length, attrition, completion and take-up (P10 to P90 over the runs), beside the baseline commissions (the trainees who started in the last 12 months, or the commissions in training-pipelines.csv or the scenario). \"Cannot close in time\": no one starting next year can qualify by then. Each route is assumed to close the gap alone.");
        var rows = new List<PackCell[]>();
        for (var run = 0; run < _runs.Count; run++)
        {
            foreach (var c in _runs[run].Result.Commissions.Where(c => c.Unit == unit).OrderBy(c => c.RouteCode, StringComparer.Ordinal).ThenBy(c => c.HorizonYears))
            {
                var route = _assumptions.Routes.FirstOrDefault(r => r.Code == c.RouteCode);
                rows.Add(
                [
                    TextCell(_runs[run].Result.Scenario), TextCell(c.RouteCode), TextCell(route?.Name ?? c.RouteCode), TextCell(c.QualifiedRole), PackCell.Of(c.HorizonYears),
                    _suppression.Count(c.BaselinePerYear), FteCell(c.NeededPerYear?.P10), FteCell(c.NeededPerYear?.P50), FteCell(c.NeededPerYear?.P90),
                    TextCell(c.CannotCloseInTime ? "cannot close in time" : c.NeededPerYear is null ? "no gap stated" : OneIntake(c.HorizonYears, route) ? "one intake: only next year's starters qualify by then" : string.Empty),
                ]);
            }
        }

        yield return new PackTable("Commissions needed per route (starters a year)",
            [Text("Scenario"), Text("Route"), Text("Route name"), Text("Qualified role"), WholeNumber("Horizon (years)"), Count("Baseline starters a year"), Fte("Needed P10"), Fte("Needed P50"), Fte("Needed P90"), Text("Note")],
            Rows(rows));
        yield return Note("Baseline starters a year are a count of people and follow the small-numbers rule; the starters needed are a planning figure (places to commission), shown to one decimal.");
    }

    // Starters a year from next year to the horizon: a route one year shorter than the horizon has a single year of them.
    private static bool OneIntake(int horizonYears, PlanningRoute? route) => route is not null && horizonYears - route.Years == 1;

    private static readonly int[] GapYears = [5, 10];

    /// <summary>The fewest months of flows among the organisations with ESR staff in post (null: none has any).</summary>
    private int? FewestFlowMonths(IReadOnlyList<string> organisations)
    {
        var withStock = organisations.Where(o => _inputs.Stock.Any(s => string.Equals(s.OrganisationCode, o, StringComparison.OrdinalIgnoreCase))).ToList();
        return withStock.Count == 0 ? null : withStock.Min(o => _baseline.ObservedMonthsByOrganisation.GetValueOrDefault(o));
    }

    private IEnumerable<int> HorizonYears() => GapYears.Where(y => y <= _horizon);

    private IReadOnlyList<double?> Values(PlanLine?[] lines, Func<PlanLine, double?> pick) =>
        [.. Enumerable.Range(0, _horizon + 1).Select(y => y < lines.Length && lines[y] is { } l ? OneDecimal(pick(l)) : null)];

    private IReadOnlyList<double?> Nulls() => [.. Enumerable.Repeat<double?>(null, _horizon + 1)];
}
