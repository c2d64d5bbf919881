using System.Globalization;
using static StaffDataPipeline.Planning.Pack.PackFormatting;

namespace StaffDataPipeline.Planning.Pack;

/// <summary>The assumptions sheet: every assumption with its value, source and version, each scenario's overrides, the data, the seed.</summary>
internal sealed partial class PackComposer
{
    private PackSheet AssumptionsSheet(string name)
    {
        var version = _assumptions.Version;
        var blocks = new List<PackBlock>
        {
            Paragraph("Every figure in this pack comes from the runs below, on the data below, under these assumptions. The same data, assumptions and seed give the same figures."),
            Heading("Runs"),
            new PackTable("Plan runs in this pack",
                [Text("Scenario"), Text("Ran at (UTC)"), Text("Data as of"), Text("Assumptions version"), Text("Seed"), WholeNumber("Monte Carlo runs")],
                Rows(_runs.Select(r => new[]
                {
                    TextCell(r.Result.Scenario), TextCell(r.RanAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), TextCell(Date(r.Result.DataAsOf)),
                    TextCell(r.Result.AssumptionsVersion), TextCell(r.Result.Seed.ToString(CultureInfo.InvariantCulture)), PackCell.Of(r.Result.Runs),
                }))),
            Heading("Planning assumptions"),
            new PackTable("planning-assumptions.csv",
                [Text("Assumption"), Text("Value"), Text("Source"), Text("Version")],
                Rows(Settings().Select(s => new[] { TextCell(s.Name), TextCell(s.Value), TextCell(_assumptions.Sources.TryGetValue(s.Name, out var source) ? source : "default (not in planning-assumptions.csv)"), TextCell(version) }))),
            Heading("Training routes"),
            new PackTable("training-pipelines.csv",
                [Text("Route"), Text("Name"), Text("Trainee role"), Text("Qualified role"), WholeNumber("Training years"), Percent("Annual attrition"), Percent("Completion"), Percent("Take a post"),
                 Percent("Stay where trained"), Text("Commissions a year"), Text("Trainee grades"), Text("Source"), Text("Version")],
                Rows(_assumptions.Routes.Select(r => new[]
                {
                    TextCell(r.Code), TextCell(r.Name), TextCell(r.TraineeRole), TextCell(r.QualifiedRole), PackCell.Of(r.Years), ShareCell(r.AnnualAttrition), ShareCell(r.Completion),
                    ShareCell(r.TakePost), ShareCell(r.StayWhereTrained),
                    TextCell(r.CommissionsPerYear is { } c ? Number(c) : "starters in the last 12 months"),
                    TextCell(r.TraineeGrades.Count == 0 ? string.Empty : string.Join(", ", r.TraineeGrades)), TextCell(r.Source), TextCell(version),
                }))),
            Heading("Scenarios: what each changes from the baseline"),
            new PackTable("Scenario overrides",
                [Text("Scenario"), Text("Override")],
                Rows(_runs.SelectMany(r => r.Result.ScenarioStatements.Count == 0
                    ? [new[] { TextCell(r.Result.Scenario), TextCell(r.Result.Scenario == SupplyPlanner.Baseline ? "none: the baseline" : "no overrides stated") }]
                    : r.Result.ScenarioStatements.Select(s => new[] { TextCell(r.Result.Scenario), TextCell(s) })))),
        };
        blocks.AddRange(DataSection());
        blocks.AddRange(Methods());
        return new PackSheet(name, "Assumptions, scenarios and the data the plan was run on", blocks);
    }

    private IEnumerable<(string Name, string Value)> Settings()
    {
        var a = _assumptions;
        string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        yield return ("organisation_threshold_heads", N(a.OrganisationThresholdHeads));
        yield return ("credibility_min", N(a.CredibilityMin));
        yield return ("credibility_max", N(a.CredibilityMax));
        yield return ("ageing_under_50", N(a.AgeingUnder50));
        yield return ("runs", N(a.Runs));
        yield return ("horizon_years", N(a.Horizon));
        yield return ("suppress_below_heads", N(a.SuppressBelowHeads));
        yield return ("prior_leaver_rate_under_55", N(a.PriorLeaverRates[0]));
        yield return ("prior_leaver_rate_55_59", N(a.PriorLeaverRates[1]));
        yield return ("prior_leaver_rate_60_plus", N(a.PriorLeaverRates[2]));
        yield return ("prior_joiner_rate", N(a.PriorJoinerRate));
        yield return ("prior_person_years", N(a.PriorPersonYears));
        foreach (var other in a.Sources.Keys.Where(k => k is not ("organisation_threshold_heads" or "credibility_min" or "credibility_max" or "ageing_under_50" or "runs" or "horizon_years" or "suppress_below_heads"
                     or "prior_leaver_rate_under_55" or "prior_leaver_rate_55_59" or "prior_leaver_rate_60_plus" or "prior_joiner_rate" or "prior_person_years")).Order(StringComparer.Ordinal))
        {
            yield return (other, "see planning-assumptions.csv");
        }
    }

    private IEnumerable<PackBlock> DataSection()
    {
        yield return Heading("The data the plan was run on");
        var esr = _facts.Esr.OrderBy(e => e.OrganisationCode, StringComparer.Ordinal).ToList();
        yield return new PackTable("ESR staff in post loaded, by organisation",
            [Text("Organisation"), Text("Code"), WholeNumber("Snapshots"), Text("First snapshot"), Text("Latest snapshot"), WholeNumber("Batches"), Text("Latest batch")],
            Rows(esr.Select(e => new[]
            {
                TextCell(e.OrganisationName), TextCell(e.OrganisationCode), PackCell.Of(e.Snapshots), TextCell(Date(e.FirstSnapshot)), TextCell(Date(e.LatestSnapshot)), PackCell.Of(e.Batches),
                TextCell(e.LatestBatchId.ToString(CultureInfo.InvariantCulture)),
            })));
        var returns = _facts.Returns.OrderBy(r => r.OrganisationCode, StringComparer.Ordinal).ThenBy(r => r.ServiceArea, StringComparer.Ordinal).ToList();
        yield return new PackTable("Survey returns used (each organisation's latest current return per service area)",
            [Text("Organisation"), Text("Code"), Text("Service area"), Text("Return period"), Text("Period ends"), Text("Batch"), Text("Older than a year")],
            Rows(returns.Select(r => new[]
            {
                TextCell(r.OrganisationName), TextCell(r.OrganisationCode), TextCell(r.ServiceArea), TextCell(r.ReturnPeriod), TextCell(Date(r.PeriodEnd)),
                TextCell(r.BatchId.ToString(CultureInfo.InvariantCulture)), TextCell(r.PeriodEnd < DataAsOf.AddYears(-1) ? "yes" : "no"),
            })));
        var withReturn = returns.Select(r => r.OrganisationCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var withEsr = esr.Select(e => e.OrganisationCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var noReturn = esr.Where(e => !withReturn.Contains(e.OrganisationCode)).Select(e => $"{e.OrganisationName} ({e.OrganisationCode})").ToList();
        var noEsr = returns.Where(r => !withEsr.Contains(r.OrganisationCode)).Select(r => $"{r.OrganisationName} ({r.OrganisationCode})").Distinct(StringComparer.Ordinal).ToList();
        yield return Note($"Coverage. Organisations with ESR staff in post and no survey return: {List(noReturn)}. Organisations with a return and no ESR staff in post: {List(noEsr)}.");
        yield return Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Data as of {Date(DataAsOf)} (the latest ESR snapshot loaded; each organisation is projected from its own latest). {Whole(_inputs.Stock.Sum(s => s.Heads))} people in post, {_inputs.Flows.Select(f => f.OrganisationCode).Distinct(StringComparer.OrdinalIgnoreCase).Count()} organisations with flows of their own."));
    }

    private IEnumerable<PackBlock> Methods()
    {
        yield return Heading("How the pack's own figures are made");
        yield return Paragraph("Supply, demand, the gap and the commissions needed are the plan's (docs/flows-and-projection.md). Years are calendar years: year 0 is the data date's year.");
        yield return Paragraph("Expected retirements: the people aged 50 and over today followed for 10 years with no one joining, leaving at England's leaver rate for their role and age band, a fifth of the 50-54s and 55-59s moving up a band each year; every leaver aged 55 or over counts as a retirement.");
        yield return Paragraph("Joiners a year: each organisation's joiners by source over its observed 12-month windows divided by the years they cover, added up over the unit's organisations.");
        yield return Paragraph("Reconciliation: ESR FTE against the survey returns' WTE in post, per organisation, all genomics roles; a difference of more than 10% of the returns' figure is flagged.");
        yield return Note(_suppression.Rule);
    }
}
