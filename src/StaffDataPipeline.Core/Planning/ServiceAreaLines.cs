namespace StaffDataPipeline.Planning;

/// <summary>
/// Lays one unit's runs out by service area (<see cref="ServiceAreaLine"/>): a role's supply in an area is its supply
/// times the area's share, so its percentiles are the role's times the share and the gap's are the demand less them; a
/// family's is the sum of its roles' in each run before the percentiles are taken (percentiles do not add up).
/// </summary>
internal static class ServiceAreaLines
{
    /// <summary>A role's lines by service area, from its supply band (<paramref name="supplyOf"/>: role line, year).</summary>
    public static void AddRoles(UnitModel model, Func<int, int, Band> supplyOf, List<ServiceAreaLine> areaLines)
    {
        var roleLines = model.Lines;
        for (var i = 0; i < roleLines.Count; i++)
        {
            var line = roleLines[i];
            if (!line.Shown || !line.HasDemand)
            {
                continue;
            }

            foreach (var (area, demand) in line.DemandByArea)
            {
                double? share = line.AreaShares?.GetValueOrDefault(area);
                for (var t = 0; t <= model.Horizon; t++)
                {
                    var (s, g) = Split(share is null ? null : supplyOf(i, t), share, demand[t]);
                    areaLines.Add(new ServiceAreaLine(model.Unit, line.Role, line.Family, false, area, t, demand[t], share, s, g, line.AreaNote ?? ServiceAreaSplit.NoInPost));
                }
            }
        }
    }

    /// <summary>A family's lines by service area, summed over its roles within each run: call before the runs are sorted.</summary>
    /// <param name="supply">[series][year][run] supply in FTE: the unit's role lines, then its families (<paramref name="families"/>).</param>
    public static void AddFamilies(UnitModel model, float[] supply, int runs, IReadOnlyList<string> families, List<ServiceAreaLine> areaLines)
    {
        var roleLines = model.Lines;
        var years = model.Horizon + 1;
        int Index(int series, int year) => ((series * years) + year) * runs;

        for (var f = 0; f < families.Count; f++)
        {
            var members = Enumerable.Range(0, roleLines.Count).Where(i => roleLines[i].Family == families[f]).ToList();
            if (!UnitProjection.FamilyShown(model, [.. members.Select(i => roleLines[i])]))
            {
                continue;
            }

            var areas = members.SelectMany(i => roleLines[i].DemandByArea.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var area in areas)
            {
                var stating = members.Where(i => roleLines[i].DemandByArea.ContainsKey(area)).ToList();
                var split = stating.All(i => roleLines[i].AreaShares is not null);
                var note = split ? ServiceAreaSplit.FamilyOfSplits : ServiceAreaSplit.NoInPost;
                var values = new float[runs];
                for (var t = 0; t < years; t++)
                {
                    var demand = stating.Sum(i => roleLines[i].DemandByArea[area][t]);
                    Band? s = null;
                    Band? g = null;
                    if (split)
                    {
                        Array.Clear(values);
                        foreach (var i in stating)
                        {
                            var w = roleLines[i].AreaShares![area];
                            var from = supply.AsSpan(Index(i, t), runs);
                            for (var r = 0; r < runs; r++)
                            {
                                values[r] += (float)(w * from[r]);
                            }
                        }

                        (s, g) = Split(Band.Of(values.AsSpan()), 1, demand);
                    }

                    areaLines.Add(new ServiceAreaLine(model.Unit, families[f], families[f], true, area, t, demand, null, s, g, note));
                }
            }
        }
    }

    // Supply times the share, and demand less it: the gap's P10 is the demand less the supply's P90.
    private static (Band? Supply, Band? Gap) Split(Band? all, double? share, double demand) =>
        all is { } b && share is { } w
            ? (new Band(b.P10 * w, b.P50 * w, b.P90 * w), new Band(demand - (b.P90 * w), demand - (b.P50 * w), demand - (b.P10 * w)))
            : (null, null);
}
