using static StaffDataPipeline.Planning.Pack.PackFormatting;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>The workforce today: the age profile and expected retirements, joiners by source, vacancies and skill mix.</summary>
internal sealed partial class PackComposer
{
    private const string AllRoles = "All roles";

    private IEnumerable<PackBlock> AgeProfile(PlanningUnit unit, IReadOnlyList<string> organisations)
    {
        yield return Heading("Age profile and expected retirements");
        yield return Paragraph("People in post today (ESR, a person counted once per organisation, in the role of their primary assignment) by age band. Expected retirements: the people aged 50 and over today followed for 10 years with no one joining, leaving each year at England's leaver rate for their role and age band (under 55, 55-59, 60+; England's rates count leavers from the NHS, not moves between organisations), a fifth of the 50-54s and 55-59s moving up a band each year; every leaver aged 55 or over counts as a retirement. Some of them leave for other reasons, and the under-50s are left out, so read it as the retirements the current age profile implies. Trainees are not counted as retiring. An unknown age counts as under 55.");
        var set = organisations.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stock = _inputs.Stock.Where(s => set.Contains(s.OrganisationCode)).ToList();
        var families = stock.Select(s => FamilyOf(s.RoleCode)).Distinct(StringComparer.Ordinal).OrderBy(FamilyRank).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var rates = _baseline.Result.LeaverRates.Where(r => r.Unit.IsNational).ToDictionary(r => (r.RoleCode, r.Band), r => r.Rate);
        double Rate(string role, RateBand band) => rates.GetValueOrDefault((role, band));
        var counts = new double[families.Count + 1, 4];
        var retire5 = new double[families.Count + 1, 1];
        var retire10 = new double[families.Count + 1, 1];
        for (var i = 0; i < families.Count; i++)
        {
            double within5 = 0, within10 = 0;
            foreach (var role in stock.Where(s => FamilyOf(s.RoleCode) == families[i]).GroupBy(s => s.RoleCode, StringComparer.Ordinal))
            {
                int Heads(AgeBand band) => role.Where(s => s.AgeBand == band).Sum(s => s.Heads);
                counts[i, 0] += Heads(AgeBand.Under50) + Heads(AgeBand.From50To54);
                counts[i, 1] += Heads(AgeBand.From55To59);
                counts[i, 2] += Heads(AgeBand.From60);
                var (five, ten) = Retirements.Expected(Heads(AgeBand.From50To54), Heads(AgeBand.From55To59), Heads(AgeBand.From60),
                    Rate(role.Key, RateBand.Under55), Rate(role.Key, RateBand.From55To59), Rate(role.Key, RateBand.From60));
                within5 += five;
                within10 += ten;
            }

            counts[i, 3] = counts[i, 0] + counts[i, 1] + counts[i, 2];
            (retire5[i, 0], retire10[i, 0]) = (PackSuppression.Whole(within5), PackSuppression.Whole(within10));
            for (var j = 0; j < 4; j++)
            {
                counts[families.Count, j] += counts[i, j];
            }

            retire5[families.Count, 0] += retire5[i, 0];
            retire10[families.Count, 0] += retire10[i, 0];
        }

        var cells = _suppression.Grid(counts, totalRow: true, totalColumn: true);
        var five5 = _suppression.Grid(retire5, totalRow: true, totalColumn: false);
        var ten10 = _suppression.Grid(retire10, totalRow: true, totalColumn: false);
        var rows = Enumerable.Range(0, families.Count + 1).Select(i =>
        {
            var hidden = !cells[i, 1].IsNumber || !cells[i, 2].IsNumber || !cells[i, 3].IsNumber;
            var share = hidden ? TextCell("suppressed") : ShareCell(counts[i, 3] > 0 ? (counts[i, 1] + counts[i, 2]) / counts[i, 3] : null);
            return new[] { TextCell(i < families.Count ? families[i] : AllRoles), cells[i, 3], cells[i, 0], cells[i, 1], cells[i, 2], share, five5[i, 0], ten10[i, 0] };
        });
        yield return new PackTable($"Age profile, {unit.Name} (people)",
            [Text("Role family"), Count("In post"), Count("Under 55"), Count("Aged 55-59"), Count("Aged 60 and over"), Percent("Share aged 55 and over"), Count("Expected retirements within 5 years"), Count("Expected retirements within 10 years")],
            Rows(rows));
        yield return Note(_suppression.Rule);
    }

    private IEnumerable<PackBlock> Joiners(PlanningUnit unit, IReadOnlyList<string> organisations)
    {
        yield return Heading("Joiners by source");
        var months = organisations.ToDictionary(o => o, o => _baseline.ObservedMonthsByOrganisation.GetValueOrDefault(o), StringComparer.OrdinalIgnoreCase);
        var without = organisations.Where(o => months[o] == 0 && _inputs.Stock.Any(s => string.Equals(s.OrganisationCode, o, StringComparison.OrdinalIgnoreCase))).ToList();
        yield return Paragraph($"Joiners a year, from the flows: each organisation's joiners over its observed 12-month windows (up to three) divided by the years they cover, added up over the unit's organisations and rounded to whole people. Newly qualified: in a trainee role anywhere at the window's start; from another NHS organisation: in post in another organisation then (only when both sides carry the national identifier, otherwise they count as new to the NHS); new to the NHS: neither. A move between two of the unit's organisations counts as a joiner from another organisation. Organisations with no flows of their own, not in these figures: {List(without)}.");
        var flows = _inputs.Flows.Where(f => months.TryGetValue(f.OrganisationCode, out var m) && m > 0).ToList();
        var families = flows.Select(f => FamilyOf(f.RoleCode)).Distinct(StringComparer.Ordinal).OrderBy(FamilyRank).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var counts = new double[families.Count + 1, 4];
        for (var i = 0; i < families.Count; i++)
        {
            var ofFamily = flows.Where(f => FamilyOf(f.RoleCode) == families[i]).ToList();
            double PerYear(Func<FlowCell, int> pick) => PackSuppression.Whole(ofFamily.GroupBy(f => f.OrganisationCode, StringComparer.OrdinalIgnoreCase).Sum(g => g.Sum(pick) * 12.0 / months[g.Key]));
            (counts[i, 0], counts[i, 1], counts[i, 2]) = (PerYear(f => f.JoinersNewlyQualified), PerYear(f => f.JoinersFromOtherOrganisation), PerYear(f => f.JoinersNewToNhs));
            counts[i, 3] = counts[i, 0] + counts[i, 1] + counts[i, 2];
            for (var j = 0; j < 4; j++)
            {
                counts[families.Count, j] += counts[i, j];
            }
        }

        var cells = _suppression.Grid(counts, totalRow: true, totalColumn: true);
        var rows = Enumerable.Range(0, families.Count + 1).Select(i => new[] { TextCell(i < families.Count ? families[i] : AllRoles), cells[i, 0], cells[i, 1], cells[i, 2], cells[i, 3] });
        yield return new PackTable($"Joiners a year by source, {unit.Name} (people)",
            [Text("Role family"), Count("Newly qualified"), Count("From another NHS organisation"), Count("New to the NHS"), Count("All joiners")], Rows(rows));
        yield return Note(_suppression.Rule);
    }

    private IEnumerable<PackBlock> Vacancies(IReadOnlyList<string> organisations)
    {
        yield return Heading("Vacancies (survey returns)");
        var set = organisations.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ours = _facts.ReturnWorkforce.Where(w => set.Contains(w.OrganisationCode)).ToList();
        var sent = ours.Select(w => w.OrganisationCode).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        yield return Paragraph($"From each organisation's latest current return for each service area ({sent} of {organisations.Count} organisations of this unit): funded establishment, WTE in post and vacant WTE as the returns state them (a blank counts as 0). Vacancy rate = vacant WTE / funded establishment; England's rate beside it.");
        var national = _facts.ReturnWorkforce.GroupBy(w => w.RoleCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Rate(g), StringComparer.Ordinal);
        var rows = ours.GroupBy(w => w.RoleCode, StringComparer.Ordinal)
            .Where(g => g.Sum(w => w.EstablishmentWte) > 0 || g.Sum(w => w.VacantWte) > 0)
            .OrderBy(g => FamilyRank(FamilyOf(g.Key))).ThenBy(g => RoleRank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, RoleName(g.Key), g, national.GetValueOrDefault(g.Key)))
            .ToList();
        if (ours.Count > 0)
        {
            rows.Add(Row(AllRoles, string.Empty, ours, Rate(_facts.ReturnWorkforce)));
        }

        yield return new PackTable("Funded establishment, in post and vacancies (WTE)",
            [Text("Role code"), Text("Role"), Fte("Funded establishment"), Fte("In post (returns)"), Fte("Vacant"), Percent("Vacancy rate"), Percent("England's vacancy rate")], Rows(rows));

        static double? Rate(IEnumerable<ReturnWorkforce> w)
        {
            var all = w.ToList();
            var establishment = all.Sum(x => x.EstablishmentWte);
            return establishment > 0 ? all.Sum(x => x.VacantWte) / establishment : null;
        }

        static PackCell[] Row(string code, string name, IEnumerable<ReturnWorkforce> w, double? nationalRate)
        {
            var all = w.ToList();
            return [TextCell(code), TextCell(name), FteCell(all.Sum(x => x.EstablishmentWte)), FteCell(all.Sum(x => x.WteInPost)), FteCell(all.Sum(x => x.VacantWte)), ShareCell(Rate(all)), ShareCell(nationalRate)];
        }
    }

    private IEnumerable<PackBlock> SkillMix(IReadOnlyList<string> organisations)
    {
        yield return Heading("Skill mix");
        yield return Paragraph("FTE in post today (ESR) in one group of roles per FTE in another, in this unit and in England. Trainees are in neither side. Blank where no one is in post in the second group.");
        var set = organisations.ToHashSet(StringComparer.OrdinalIgnoreCase);
        double Fte(IEnumerable<string> roles, bool national) =>
            _inputs.Stock.Where(s => (national || set.Contains(s.OrganisationCode)) && roles.Contains(s.RoleCode, StringComparer.Ordinal)).Sum(s => s.Fte);
        var rows = SkillMixRatio.Standard.Select(r =>
        {
            var (top, bottom) = (Fte(r.Numerator, false), Fte(r.Denominator, false));
            var (nationalTop, nationalBottom) = (Fte(r.Numerator, true), Fte(r.Denominator, true));
            double? here = bottom > 0 ? top / bottom : null;
            double? england = nationalBottom > 0 ? nationalTop / nationalBottom : null;
            return new[]
            {
                TextCell(r.Name), TextCell(string.Join(", ", r.Numerator)), FteCell(top), TextCell(string.Join(", ", r.Denominator)), FteCell(bottom),
                RatioCell(here), RatioCell(england), RatioCell(here - england),
            };
        });
        yield return new PackTable("Skill mix against England",
            [Text("Ratio"), Text("Roles counted"), PackFormatting.Fte("FTE of the roles counted"), Text("Per FTE in"), PackFormatting.Fte("FTE of the roles per"), Ratio("This unit"), Ratio("England"), Ratio("Difference from England")], Rows(rows));
    }
}
