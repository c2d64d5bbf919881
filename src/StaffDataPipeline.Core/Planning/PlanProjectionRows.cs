namespace StaffDataPipeline.Planning;

/// <summary>One row of plan_projection, as both providers write it.</summary>
public sealed record PlanProjectionRow(
    string UnitKind, string UnitCode, string UnitName, string RoleCode, string RoleFamily, bool IsFamily, int Year,
    double? SupplyP10, double? SupplyP50, double? SupplyP90, double? SupplyHeadsP50, double? Demand,
    double? GapP10, double? GapP50, double? GapP90,
    string? CommissionsRoute, double? CommissionsBaseline, double? NeededP10, double? NeededP50, double? NeededP90, string? CommissionsNote,
    int ObservedMonths, double? ObservedPersonYears, string? Flags);

/// <summary>One row of plan_commission.</summary>
public sealed record PlanCommissionRow(string UnitKind, string UnitCode, string RouteCode, string QualifiedRole, int Horizon, double Baseline, double? NeededP10, double? NeededP50, double? NeededP90, string? Note);

/// <summary>One row of plan_demand: stated demand, supply set against it and the gap, by service area.</summary>
public sealed record PlanDemandRow(
    string UnitKind, string UnitCode, string RoleCode, string RoleFamily, bool IsFamily, string ServiceAreaCode, string ServiceAreaName, string Phase, int Year,
    double Demand, double? SupplyShare, double? SupplyP10, double? SupplyP50, double? SupplyP90, double? GapP10, double? GapP50, double? GapP90, string SplitNote);

/// <summary>Lays a plan run out as the warehouse's rows (the providers only insert them).</summary>
public static class PlanProjectionRows
{
    public const string CannotCloseInTime = "cannot close in time: the route is longer than the years to the horizon";

    public static IEnumerable<PlanProjectionRow> Of(PlanRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = record.Result;
        // The commissions shown on a role's line: the first route (file order) that qualifies into it.
        var commissions = result.Commissions
            .GroupBy(c => (c.Unit, c.QualifiedRole, c.HorizonYears))
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var line in result.Lines)
        {
            var note = (string?)null;
            var c = line.IsFamily ? null : commissions.GetValueOrDefault((line.Unit, line.Code, line.Year));
            if (c is not null)
            {
                note = c.CannotCloseInTime ? CannotCloseInTime : c.NeededPerYear is null ? "no gap stated for the role" : null;
            }

            yield return new PlanProjectionRow(
                PlanRecord.KindOf(line.Unit.Level), line.Unit.Code, line.Unit.Name, line.Code, line.Family, line.IsFamily, line.Year,
                line.SupplyFte.P10, line.SupplyFte.P50, line.SupplyFte.P90, line.SupplyHeadsP50, line.DemandFte,
                line.GapFte?.P10, line.GapFte?.P50, line.GapFte?.P90,
                c?.RouteCode, c?.BaselinePerYear, c?.NeededPerYear?.P10, c?.NeededPerYear?.P50, c?.NeededPerYear?.P90, note,
                record.ObservedMonthsOf(line.Unit), line.ObservedPersonYears, null);
        }

        var horizon = result.Lines.Count == 0 ? 10 : result.Lines.Max(l => l.Year);
        // A suppressed role's family, from its lines in the units that show it (England always does).
        var families = result.Lines.Where(l => !l.IsFamily).GroupBy(l => l.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Family, StringComparer.Ordinal);
        foreach (var s in result.Suppressed)
        {
            for (var year = 0; year <= horizon; year++)
            {
                yield return new PlanProjectionRow(
                    PlanRecord.KindOf(s.Unit.Level), s.Unit.Code, s.Unit.Name, s.RoleCode, families.GetValueOrDefault(s.RoleCode, string.Empty), false, year,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    record.ObservedMonthsOf(s.Unit), null, $"{PlanRecord.BelowThreshold} ({s.Heads:0} in post, threshold {s.ThresholdHeads}): read its region or GLH");
            }
        }
    }

    public static IEnumerable<PlanCommissionRow> CommissionsOf(PlanRecord record) =>
        record.Result.Commissions.Select(c => new PlanCommissionRow(
            PlanRecord.KindOf(c.Unit.Level), c.Unit.Code, c.RouteCode, c.QualifiedRole, c.HorizonYears, c.BaselinePerYear,
            c.NeededPerYear?.P10, c.NeededPerYear?.P50, c.NeededPerYear?.P90,
            c.CannotCloseInTime ? CannotCloseInTime : c.NeededPerYear is null ? "no gap stated for the role" : null));

    public static IEnumerable<PlanDemandRow> DemandOf(PlanRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Result.ServiceAreaLines.Select(l => new PlanDemandRow(
            PlanRecord.KindOf(l.Unit.Level), l.Unit.Code, l.Code, l.Family, l.IsFamily, l.ServiceAreaCode, l.ServiceAreaName, l.Phase, l.Year,
            l.DemandFte, l.SupplyShare, l.SupplyFte?.P10, l.SupplyFte?.P50, l.SupplyFte?.P90, l.GapFte?.P10, l.GapFte?.P50, l.GapFte?.P90, l.Note));
    }
}
