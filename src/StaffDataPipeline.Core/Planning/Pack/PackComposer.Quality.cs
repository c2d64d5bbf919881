using System.Globalization;
using static StaffDataPipeline.Planning.Pack.PackFormatting;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>How far to trust a unit's lines: who reported, months of flows, returns missing or old, ESR against the returns.</summary>
internal sealed partial class PackComposer
{
    /// <summary>ESR FTE and a return's WTE in post disagree when they differ by more than this share of the return's WTE.</summary>
    public const double ReconciliationTolerance = 0.10;

    /// <summary>One organisation's data quality line.</summary>
    private sealed record OrganisationQuality(
        string Code, string Name, EsrCoverage? Esr, int FlowMonths, IReadOnlyList<ReturnCoverage> Returns, bool ReturnOlderThanAYear,
        double? EsrFte, double? ReturnWte, double? Difference, string Check);

    private OrganisationQuality QualityOf(string code)
    {
        var esr = _facts.Esr.FirstOrDefault(e => string.Equals(e.OrganisationCode, code, StringComparison.OrdinalIgnoreCase));
        var returns = _facts.Returns.Where(r => string.Equals(r.OrganisationCode, code, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.ServiceArea, StringComparer.Ordinal).ToList();
        var old = returns.Count > 0 && returns.Max(r => r.PeriodEnd) < DataAsOf.AddYears(-1);
        var stock = _inputs.Stock.Where(s => string.Equals(s.OrganisationCode, code, StringComparison.OrdinalIgnoreCase)).ToList();
        double? esrFte = stock.Count > 0 ? stock.Sum(s => s.Fte) : null;
        var lines = _facts.ReturnWorkforce.Where(w => string.Equals(w.OrganisationCode, code, StringComparison.OrdinalIgnoreCase)).ToList();
        double? returnWte = returns.Count > 0 ? lines.Sum(w => w.WteInPost) : null;
        double? difference = esrFte is { } e && returnWte is { } r && r > 0 ? (e - r) / r : null;
        var check = (esrFte, returnWte) switch
        {
            (null, null) => "no ESR data and no return",
            (null, _) => "no ESR data: supply here is not observed",
            (_, null) => "no return: demand and vacancies not stated",
            (_, <= 0) when esrFte > 0 => "the return states no WTE in post",
            _ when difference is { } d && Math.Abs(d) > ReconciliationTolerance => "ESR and the return differ by more than 10%",
            _ => old ? "return older than a year" : "agrees within 10%",
        };
        if (old && check != "return older than a year" && returnWte is not null)
        {
            check += "; return older than a year";
        }

        return new OrganisationQuality(code, OrganisationName(code), esr, _baseline.ObservedMonthsByOrganisation.GetValueOrDefault(code), returns, old, esrFte, returnWte, difference, check);
    }

    private IEnumerable<PackBlock> DataQuality(PlanningUnit unit, IReadOnlyList<string> organisations)
    {
        yield return Heading("How far to trust these figures");
        var quality = organisations.Select(QualityOf).ToList();
        var withEsr = quality.Where(q => q.EsrFte is not null).ToList();
        var full = withEsr.Count(q => q.FlowMonths >= 12);
        var none = withEsr.Count(q => q.FlowMonths == 0);
        var noReturn = quality.Where(q => q.Returns.Count == 0).Select(q => q.Code).ToList();
        var old = quality.Where(q => q.ReturnOlderThanAYear).Select(q => q.Code).ToList();
        var disagree = quality.Where(q => (q.Difference is { } d && Math.Abs(d) > ReconciliationTolerance) || q.Check.StartsWith("the return states no", StringComparison.Ordinal)).Select(q => q.Code).ToList();
        var fewest = withEsr.Count == 0 ? 0 : withEsr.Min(q => q.FlowMonths);
        yield return Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"{withEsr.Count} of {quality.Count} organisations report ESR staff in post; {full} of them have 12 months or more of flows and {none} none (their leaver and joiner rates are England's). The fewest months of flows among them is {fewest}."));
        var demandOnly = quality.Where(q => q.EsrFte is null && q.Returns.Count > 0).ToList();
        if (demandOnly.Count > 0)
        {
            var establishment = _facts.ReturnWorkforce.Where(w => demandOnly.Any(q => string.Equals(q.Code, w.OrganisationCode, StringComparison.OrdinalIgnoreCase))).Sum(w => w.EstablishmentWte);
            yield return Note(string.Create(CultureInfo.InvariantCulture,
                $"Sent a survey return but no ESR staff in post: {List(demandOnly.Select(q => q.Code))}. Their stated demand ({OneDecimal(establishment):#,0.0} WTE funded today) is left out of this unit's demand and gap, since their supply is not known; load their ESR exports to bring it in. The reverse is not done: the supply of an organisation with no return stays in the gap with no demand beside it (see 'No survey return'), so there the gap is understated."));
        }
        if (noReturn.Count > 0 || old.Count > 0 || disagree.Count > 0)
        {
            yield return Note(string.Create(CultureInfo.InvariantCulture,
                $"No survey return: {List(noReturn)} (their demand and vacancies are not in these figures). Latest return older than a year before the data date: {List(old)}. ESR FTE and the returns' WTE in post differ by more than 10% of the returns' figure: {List(disagree)}."));
        }

        var rows = quality.Select(q => new[]
        {
            TextCell(q.Name), TextCell(q.Code), PackCell.Of(q.Esr?.Snapshots), TextCell(q.Esr is { } e ? Date(e.LatestSnapshot) : "none"), PackCell.Of(q.FlowMonths),
            TextCell(q.Returns.Count == 0 ? "none" : string.Join("; ", q.Returns.Select(r => $"{r.ServiceArea} {r.ReturnPeriod}"))),
            TextCell(q.Returns.Count == 0 ? "none" : Date(q.Returns.Max(r => r.PeriodEnd))),
            FteCell(q.EsrFte), FteCell(q.ReturnWte), ShareCell(q.Difference), TextCell(q.Check),
        });
        yield return new PackTable("Data quality by organisation",
            [Text("Organisation"), Text("Code"), WholeNumber("ESR snapshots loaded"), Text("Latest ESR snapshot"), WholeNumber("Months of flows"), Text("Current returns (service area, period)"),
             Text("Latest return period ends"), Fte("ESR FTE"), Fte("Returns' WTE in post"), Percent("ESR against returns"), Text("Check")],
            Rows(rows));
        yield return Note("ESR against returns = (ESR FTE − the returns' WTE in post) / the returns' WTE in post, all genomics roles, each service area's latest current return added up; more than 10% either way is flagged. A return may cover only some of the organisation's services, so a flag says where to look, not which figure is wrong.");
    }
}
