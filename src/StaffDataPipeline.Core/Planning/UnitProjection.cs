namespace StaffDataPipeline.Planning;

/// <summary>
/// Runs one unit's Monte Carlo (runs in parallel, run r drawing from seed (unit seed, r), so the figures do not depend on
/// the number of cores or the order of units) and turns the runs into P10/P50/P90 lines. A family's figure is summed
/// over its roles within each run before the percentiles are taken: percentiles do not add up.
/// </summary>
internal static class UnitProjection
{
    public static void Simulate(UnitModel model, int runs, ulong seed, bool expected, List<PlanLine> lines, List<CommissionLine> needed, List<ServiceAreaLine> areaLines)
    {
        var roleLines = model.Lines;
        var years = model.Horizon + 1;
        var families = roleLines.Select(l => l.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var familyIndex = families.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var series = roleLines.Count + families.Count;
        var routes = model.Routes.Count;
        var horizons = UnitSimulation.Horizons.Length;

        // [series][year][run]: one contiguous block of runs per figure, ready to sort.
        var supply = new float[series * years * runs];
        var heads = new float[series * years * runs];
        var gap = new float[series * years * runs];
        var need = new float[routes * horizons * runs];
        var unitSeed = seed ^ StableHash(model.Unit.ToString());

        void OneRun(int r)
        {
            var draws = expected ? (IDraws)ExpectedDraws.Instance : new RandomDraws(unitSeed, (ulong)r);
            var fte = new double[roleLines.Count * years];
            var n = new double[roleLines.Count * years];
            var commissions = new double[routes * horizons];
            UnitSimulation.Run(model, draws, fte, n, commissions);
            var familyFte = new double[families.Count * years];
            var familyHeads = new double[families.Count * years];
            var familyGap = new double[families.Count * years];
            var familyHasDemand = new bool[families.Count];
            for (var i = 0; i < roleLines.Count; i++)
            {
                var line = roleLines[i];
                var f = familyIndex[line.Family];
                familyHasDemand[f] |= line.HasDemand;
                for (var t = 0; t < years; t++)
                {
                    var s = fte[(i * years) + t];
                    var g = line.HasDemand ? line.Demand[t] - s : float.NaN;
                    supply[Index(i, t, r)] = (float)s;
                    heads[Index(i, t, r)] = (float)n[(i * years) + t];
                    gap[Index(i, t, r)] = (float)g;
                    familyFte[(f * years) + t] += s;
                    familyHeads[(f * years) + t] += n[(i * years) + t];
                    familyGap[(f * years) + t] += line.HasDemand ? g : 0;
                }
            }

            for (var f = 0; f < families.Count; f++)
            {
                for (var t = 0; t < years; t++)
                {
                    supply[Index(roleLines.Count + f, t, r)] = (float)familyFte[(f * years) + t];
                    heads[Index(roleLines.Count + f, t, r)] = (float)familyHeads[(f * years) + t];
                    gap[Index(roleLines.Count + f, t, r)] = familyHasDemand[f] ? (float)familyGap[(f * years) + t] : float.NaN;
                }
            }

            for (var k = 0; k < routes * horizons; k++)
            {
                need[(k * runs) + r] = (float)commissions[k];
            }
        }

        Parallel.For(0, runs, OneRun);
        ServiceAreaLines.AddFamilies(model, supply, runs, families, areaLines);
        var first = lines.Count;

        for (var s = 0; s < series; s++)
        {
            var isFamily = s >= roleLines.Count;
            var family = isFamily ? families[s - roleLines.Count] : roleLines[s].Family;
            var members = roleLines.Where(l => l.Family == family).ToList();
            if (isFamily ? !FamilyShown(model, members) : !roleLines[s].Shown)
            {
                continue;
            }

            var demandKnown = isFamily ? members.Any(l => l.HasDemand) : roleLines[s].HasDemand;
            var exposure = isFamily ? members.Sum(l => l.Exposure) : roleLines[s].Exposure;
            for (var t = 0; t < years; t++)
            {
                double? demand = demandKnown ? (isFamily ? members.Where(l => l.HasDemand).Sum(l => l.Demand[t]) : roleLines[s].Demand[t]) : null;
                var supplyBand = Band.Of(supply.AsSpan(Index(s, t, 0), runs)) ?? default;
                var headsBand = Band.Of(heads.AsSpan(Index(s, t, 0), runs)) ?? default;
                var gapBand = demandKnown ? Band.Of(gap.AsSpan(Index(s, t, 0), runs)) : null;
                lines.Add(new PlanLine(model.Unit, isFamily ? family : roleLines[s].Role, family, isFamily, t, supplyBand, headsBand.P50, demand, gapBand, exposure));
            }
        }

        var roleBands = lines.Skip(first).Where(l => !l.IsFamily).ToDictionary(l => (l.Code, l.Year), l => l.SupplyFte);
        ServiceAreaLines.AddRoles(model, (i, t) => roleBands[(roleLines[i].Role, t)], areaLines);

        for (var r = 0; r < routes; r++)
        {
            var route = model.Routes[r];
            var qualified = roleLines[route.QualifiedLine];
            if (!qualified.Shown || !qualified.HasDemand)
            {
                continue;
            }

            for (var h = 0; h < horizons; h++)
            {
                var horizon = UnitSimulation.Horizons[h];
                if (horizon > model.Horizon)
                {
                    continue;
                }

                var cannot = horizon - route.Route.Years < 1;
                var band = cannot ? null : Band.Of(need.AsSpan(((r * horizons) + h) * runs, runs));
                needed.Add(new CommissionLine(model.Unit, route.Route.Code, route.Route.QualifiedRole, horizon, route.PlannedPerYear(horizon - route.Route.Years), band, cannot));
            }
        }

        int Index(int series, int year, int run) => (((series * years) + year) * runs) + run;
    }

    // An organisation's family line only when the family as a whole reaches the threshold; every other unit shows all.
    internal static bool FamilyShown(UnitModel model, List<RoleLine> members) =>
        model.Unit.Level != UnitLevel.Organisation || members.Sum(l => l.HeadsToday) >= model.ThresholdHeads;

    /// <summary>FNV-1a: a unit's seed must not depend on string.GetHashCode, which changes from process to process.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
