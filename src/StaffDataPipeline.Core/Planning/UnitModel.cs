using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Planning;

/// <summary>One unit ready to project: its role lines and its training routes.</summary>
internal sealed class UnitModel
{
    private UnitModel(PlanningUnit unit, List<RoleLine> lines, List<RouteLine> routes, int horizon)
    {
        Unit = unit;
        Lines = lines;
        Routes = routes;
        Horizon = horizon;
    }

    public PlanningUnit Unit { get; }

    public List<RoleLine> Lines { get; }

    public List<RouteLine> Routes { get; }

    public int Horizon { get; }

    /// <summary>An organisation's role (or family) is shown with at least this many people.</summary>
    public int ThresholdHeads { get; init; }

    public static UnitModel Build(
        PlanningUnit unit,
        UnitData data,
        RateModel rates,
        PlanningAssumptions assumptions,
        Func<string, string> familyOf,
        NationalFacts national,
        IReadOnlyDictionary<string, double> commissionsOverride,
        ScenarioEffects effects)
    {
        var horizon = assumptions.Horizon;
        var lines = new List<RoleLine>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int LineOf(string role)
        {
            if (!index.TryGetValue(role, out var i))
            {
                index[role] = i = lines.Count;
                lines.Add(new RoleLine(role, familyOf(role), horizon));
            }

            return i;
        }

        static bool Planned(string role) => role is not Role.OutOfScope and not Role.Unmapped;

        foreach (var s in data.Stock.Where(s => Planned(s.RoleCode)))
        {
            var line = lines[LineOf(s.RoleCode)];
            line.Heads0[(int)s.AgeBand] += s.Heads;
            line.Fte0 += s.Fte;
        }

        // Stated demand by service area (a scenario's growth applied), then a scenario's skill mix moving a share of
        // one role's demand to another in every service area; a role's demand is its service areas' added up.
        foreach (var d in data.Demand.Where(d => Planned(d.RoleCode)))
        {
            var line = lines[LineOf(d.RoleCode)];
            line.HasDemand = true;
            var area = ServiceAreaPhases.CodeOf(d.ServiceArea);
            var path = line.AreaDemand(area);
            for (var t = 0; t <= horizon; t++)
            {
                path[t] += DemandPath.At(d, t) * effects.DemandFactor(area, t);
            }

            // Added up over the unit's organisations; one return with demand but no WTE in post leaves the area unknown.
            var before = line.InPostByArea.TryGetValue(area, out var known) ? known : 0.0;
            line.InPostByArea[area] = before + d.InPostFte;
        }

        foreach (var (from, to, share) in effects.SkillMix())
        {
            if (!index.TryGetValue(from, out var giving) || !lines[giving].HasDemand)
            {
                continue;
            }

            var taker = lines[LineOf(to)];
            taker.HasDemand = true;
            foreach (var (area, path) in lines[giving].DemandByArea)
            {
                var into = taker.AreaDemand(area);
                for (var t = 0; t <= horizon; t++)
                {
                    var moved = path[t] * share[t];
                    path[t] -= moved;
                    into[t] += moved;
                }
            }
        }

        foreach (var line in lines.Where(l => l.HasDemand))
        {
            foreach (var path in line.DemandByArea.Values)
            {
                for (var t = 0; t <= horizon; t++)
                {
                    line.Demand[t] += path[t];
                }
            }

            (line.AreaShares, line.AreaNote) = ServiceAreaSplit.Of(line.DemandByArea.Keys, line.InPostByArea);
        }

        var routes = BuildRoutes(unit, data, assumptions, national, commissionsOverride, effects, lines, LineOf);

        // Role moves out of every role in post (not trainee roles: their routes project them); a destination with
        // no one in post yet still gets a line, so the people moving into it are counted.
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsTrainee || lines[i].HeadsToday <= 0)
            {
                continue;
            }

            foreach (var (to, rate) in rates.MovesFrom(lines[i].Role).Where(m => Planned(m.To)).ToList())
            {
                var destination = LineOf(to);
                lines[i].MovesOut.Add((destination, rate));
            }
        }

        foreach (var line in lines)
        {
            var heads = line.HeadsToday;
            line.FtePerHead = heads > 0 && line.Fte0 > 0 ? line.Fte0 / heads : national.FtePerHead.GetValueOrDefault(line.Role, 1.0);
            line.FtePerHeadByYear = effects.FtePerHead(line.Role, line.FtePerHead);
            line.LeaverMultiplier = effects.LeaverMultipliers(line.Role);
            for (var b = 0; b < AgeBands.RateBandCount; b++)
            {
                line.Leaving[b] = rates.LeaverRate(data.Flows, line.Role, (RateBand)b, unit.IsNational);
            }

            line.Joining = rates.JoinerRate(data.Flows, line.Role, unit.IsNational);
            line.JoinerAgeShares = rates.JoinerAgeShares(line.Role);
            line.AgeingUnder50 = national.AgeingUnder50ByRole.GetValueOrDefault(line.Role, assumptions.AgeingUnder50);
            line.Exposure = data.Flows.Joiners(line.Role, asNhs: false).Exposure;
            line.Shown = unit.Level != UnitLevel.Organisation || heads >= assumptions.OrganisationThresholdHeads;
        }

        return new UnitModel(unit, lines, routes, horizon) { ThresholdHeads = assumptions.OrganisationThresholdHeads };
    }

    private static List<RouteLine> BuildRoutes(
        PlanningUnit unit,
        UnitData data,
        PlanningAssumptions assumptions,
        NationalFacts national,
        IReadOnlyDictionary<string, double> commissionsOverride,
        ScenarioEffects effects,
        List<RoleLine> lines,
        Func<string, int> lineOf)
    {
        var routes = new List<RouteLine>();
        var traineesByRoute = data.Trainees.GroupBy(t => t.RouteCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var startersByRoute = data.Starters.GroupBy(s => s.RouteCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Sum(s => s.Starters), StringComparer.Ordinal);
        var coveredTraineeRoles = new HashSet<string>(assumptions.Routes.Where(r => traineesByRoute.ContainsKey(r.Code)).Select(r => r.TraineeRole), StringComparer.Ordinal);
        foreach (var route in assumptions.Routes)
        {
            var cohorts = new double[route.Years];
            foreach (var t in traineesByRoute.GetValueOrDefault(route.Code) ?? [])
            {
                cohorts[Math.Clamp(t.TrainingYear, 1, route.Years) - 1] += t.Heads;
            }

            // Trainees in post with no training year (the read could not tell): spread evenly over the first route of
            // their role, so they still qualify over the route's length instead of vanishing.
            if (!coveredTraineeRoles.Contains(route.TraineeRole) && assumptions.Routes.First(r => r.TraineeRole == route.TraineeRole) == route)
            {
                var inPost = data.Stock.Where(s => s.RoleCode == route.TraineeRole).Sum(s => s.Heads);
                for (var y = 0; y < route.Years; y++)
                {
                    cohorts[y] += (double)inPost / route.Years;
                }
            }

            // Less than a year of history: a year's starters cannot be counted yet, so the route keeps its size.
            var steady = !national.StartersCoverAYear;
            var starters = steady ? cohorts.Sum() / route.Years : startersByRoute.GetValueOrDefault(route.Code);
            var commissions = starters;
            var planned = commissionsOverride.TryGetValue(route.Code, out var o) ? o : route.CommissionsPerYear;

            // A national figure is shared as the route's starters are (or its trainees, with no starters yet).
            var share = !steady && national.StartersByRoute.GetValueOrDefault(route.Code) is > 0 and var all
                ? starters / all
                : national.TraineesByRoute.GetValueOrDefault(route.Code) is > 0 and var trainees ? cohorts.Sum() / trainees : (unit.IsNational ? 1 : 0);
            if (planned is { } nationalCommissions)
            {
                commissions = nationalCommissions * share;
            }

            var byYear = effects.Commissions(route.Code, commissions, share);
            if (cohorts.Sum() <= 0 && byYear.Max() <= 0)
            {
                continue;
            }

            var traineeLine = lineOf(route.TraineeRole);
            lines[traineeLine].IsTrainee = true;
            var qualifiedLine = lineOf(route.QualifiedRole);
            var takePost = route.TakePost * (unit.IsNational ? 1 : route.StayWhereTrained);
            routes.Add(new RouteLine(route, traineeLine, qualifiedLine, cohorts, byYear, takePost));
        }

        // Trainee heads are the cohorts: the stock of a trainee role only gives its FTE a head and age.
        foreach (var r in routes)
        {
            lines[r.TraineeLine].IsTrainee = true;
        }

        return routes;
    }
}
