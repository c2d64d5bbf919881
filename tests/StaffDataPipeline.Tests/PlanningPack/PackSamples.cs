using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.Tests.PlanningPack;

/// <summary>
/// Planning packs as the builder would hand them to a writer: a national summary and two regions (one with an
/// apostrophe in its sheet name, which a chart formula must quote), scenarios side by side with three lines, and an
/// assumptions sheet; small counts suppressed as "&lt;5"; text that starts like a formula ("=SUM(", "@", "-", "+").
/// </summary>
internal static class PackSamples
{
    public static readonly string[] Years = [.. Enumerable.Range(2026, 11).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public const string SuppressionRule = "Counts of fewer than 5 people are shown as <5 so that no one can be identified; FTE is shown to one decimal place.";

    public static PackDocument Realistic() => new(
        "NHS Genomic Medicine Service workforce planning pack",
        "Run on 2026-03-31 at 02:15 UTC from batches 41 to 57 (ESR snapshot 2026-02), seed 20260331.",
        [
            Unit("National", "England: national summary", 1.0),
            Unit("North West", "North West: supply and demand", 0.14),
            Unit("South London (Guy's)", "South London (Guy's GLH): supply and demand", 0.11),
            Scenarios(),
            Assumptions(),
        ]);

    /// <summary>
    /// A national-sized pack: the national summary, seven regions and seven GLHs with six role-family charts each,
    /// scenarios and assumptions (about 100 charts), for the write time the issue's benchmark counts.
    /// </summary>
    public static PackDocument NationalSized()
    {
        var sheets = new List<PackSheet> { Unit("National", "England: national summary", 1.0, families: 6) };
        string[] regions = ["North East and Yorkshire", "North West", "Midlands", "East of England", "London", "South East", "South West"];
        foreach (var (region, i) in regions.Select((r, i) => (r, i)))
        {
            sheets.Add(Unit(region, region + ": supply and demand", 0.1 + (i * 0.01), families: 6));
        }

        string[] glhs = ["GLH North West", "GLH North East and Yorkshire", "GLH Central and South", "GLH East", "GLH North Thames", "GLH South East", "GLH South West"];
        foreach (var (glh, i) in glhs.Select((g, i) => (g, i)))
        {
            sheets.Add(Unit(glh, glh + ": supply and demand", 0.12 + (i * 0.01), families: 6));
        }

        sheets.Add(Scenarios());
        sheets.Add(Assumptions());
        return new PackDocument("NHS Genomic Medicine Service workforce planning pack", "Run on 2026-03-31 at 02:15 UTC, seed 1.", sheets);
    }

    private static readonly (string Family, double Supply, double Growth, double Demand, double DemandGrowth)[] Families =
    [
        ("Genetic counsellors", 310, 4.5, 330, 9),
        ("Clinical scientists (genomics)", 820, 12, 860, 22),
        ("Consultant clinical geneticists", 240, 2, 260, 4),
        ("Genomic practitioners", 95, 9, 120, 14),
        ("Bioinformaticians", 180, 6, 215, 12),
        ("Genetic technologists", 640, 5, 650, 8),
    ];

    private static PackSheet Unit(string name, string heading, double share, int families = 2)
    {
        var blocks = new List<PackBlock>
        {
            new PackText(PackTextKind.Paragraph, "Supply is the projected workforce in post (P50, with the range P10 to P90 from 1,000 simulated futures); demand is what the service specification and the cancer and rare disease arms state. A gap below zero is a shortfall."),
            new PackText(PackTextKind.Note, SuppressionRule),
            new PackText(PackTextKind.Heading, "Supply against demand by role family"),
        };
        foreach (var (family, supply, growth, demand, demandGrowth) in Families.Take(families))
        {
            blocks.Add(SupplyChart($"{family}: supply against demand, FTE", supply * share, growth * share, demand * share, demandGrowth * share));
        }

        blocks.Add(new PackText(PackTextKind.Heading, "The gap by role"));
        blocks.Add(new PackTable(
            "Gap between supply (P50) and demand in 5 and 10 years, FTE",
            [new("Role", PackFormat.Text), new("Supply 2031", PackFormat.Fte), new("Demand 2031", PackFormat.Fte), new("Gap 2031", PackFormat.Fte), new("Gap 2036", PackFormat.Fte), new("Gap 2036 as a share of demand", PackFormat.Percent)],
            [.. Families.Select(f => (IReadOnlyList<PackCell>)
            [
                PackCell.Of(f.Family), PackCell.Of(Math.Round((f.Supply + (5 * f.Growth)) * share, 1)), PackCell.Of(Math.Round((f.Demand + (5 * f.DemandGrowth)) * share, 1)),
                PackCell.Of(Math.Round((f.Supply - f.Demand + (5 * (f.Growth - f.DemandGrowth))) * share, 1)), PackCell.Of(Math.Round((f.Supply - f.Demand + (10 * (f.Growth - f.DemandGrowth))) * share, 1)),
                PackCell.Of((f.Supply - f.Demand + (10 * (f.Growth - f.DemandGrowth))) / (f.Demand + (10 * f.DemandGrowth))),
            ])]));
        blocks.Add(new PackTable(
            "Age profile and expected retirements, people",
            [new("Role", PackFormat.Text), new("Headcount", PackFormat.Count), new("Share aged 55+", PackFormat.Percent), new("Retirements in 5 years", PackFormat.Count), new("Retirements in 10 years", PackFormat.Count)],
            [
                [PackCell.Of("Genetic counsellors"), PackCell.Of(Math.Round(340 * share)), PackCell.Of(0.128), Small(21 * share), Small(44 * share)],
                [PackCell.Of("Consultant clinical geneticists"), PackCell.Of(Math.Round(260 * share)), PackCell.Of(0.231), Small(30 * share), Small(61 * share)],
                [PackCell.Of("Genomic practitioners"), PackCell.Of(Math.Round(101 * share)), PackCell.Of(0.04), Small(2), Small(4 * share)],
            ]));
        blocks.Add(new PackTable(
            "Skill mix against the national figure",
            [new("Ratio", PackFormat.Text), new("Here", PackFormat.Ratio), new("England", PackFormat.Ratio)],
            [
                [PackCell.Of("Genetic counsellors per consultant clinical geneticist"), PackCell.Of(1.31 + share), PackCell.Of(1.29)],
                [PackCell.Of("Genomic practitioners per clinical scientist"), PackCell.Of(0.12), PackCell.Of(0.116)],
            ]));
        blocks.Add(new PackTable(
            "Data quality: how much of this unit is observed",
            [new("Check", PackFormat.Text), new("Result", PackFormat.Text)],
            [
                [PackCell.Of("Organisations reporting"), PackCell.Of("11 of 12")],
                [PackCell.Of("Formula-looking text from a return"), PackCell.Of("=SUM(A1:A9)")],
                [PackCell.Of("@risk comment"), PackCell.Of("@risk: returns older than a year")],
                [PackCell.Of("ESR against returns"), PackCell.Of("-12% (ESR FTE below the returns' WTE in post) & <check>")],
                [PackCell.Of("Vacancy rate"), PackCell.Of("+3 points on last year")],
            ]));
        return new PackSheet(name, heading, blocks);
    }

    /// <summary>A count of people as the builder shows it: under 5 suppressed as text.</summary>
    private static PackCell Small(double count) => Math.Round(count) < 5 ? PackCell.Of("<5") : PackCell.Of(Math.Round(count));

    private static PackChart SupplyChart(string title, double supply, double growth, double demand, double demandGrowth)
    {
        var p50 = Years.Select((_, i) => (double?)Math.Round(supply + (growth * i), 1)).ToList();
        var p10 = Years.Select((_, i) => (double?)Math.Round(supply + (growth * i) - (supply * 0.012 * i), 1)).ToList();
        var p90 = Years.Select((_, i) => (double?)Math.Round(supply + (growth * i) + (supply * 0.01 * i), 1)).ToList();
        var demandLine = Years.Select((_, i) => (double?)Math.Round(demand + (demandGrowth * i), 1)).ToList();
        return new PackChart(title, "Year", "FTE", Years,
        [
            new("Supply P10", p10, PackSeriesKind.BandLow),
            new("Supply P90", p90, PackSeriesKind.BandHigh),
            new("Supply P50", p50, PackSeriesKind.Line),
            new("Stated demand", demandLine, PackSeriesKind.Demand),
        ]);
    }

    private static PackSheet Scenarios()
    {
        string[] names = ["Baseline", "More STP places (+20% from 2026)", "Skill mix (practitioners take 15%)"];
        var chart = new PackChart("Genetic counsellors by scenario: supply (P50) against demand, FTE", "Year", "FTE", Years,
        [
            .. names.Select((n, s) => new PackSeries(n, [.. Years.Select((_, i) => (double?)Math.Round(310 + ((4.5 + (s * 2.5)) * i), 1))], PackSeriesKind.Line)),
            new PackSeries("Stated demand", [.. Years.Select((_, i) => (double?)Math.Round(330 + (9.0 * i), 1))], PackSeriesKind.Demand),
        ]);
        return new PackSheet("Scenarios", "Scenarios side by side", [
            new PackText(PackTextKind.Paragraph, "Each scenario changes the baseline assumptions as its file states; the lines are each scenario's P50."),
            chart,
            new PackTable("The gap in 5 and 10 years by scenario, FTE",
                [new("Scenario", PackFormat.Text), new("Gap 2031", PackFormat.Fte), new("Gap 2036", PackFormat.Fte)],
                [.. names.Select((n, s) => (IReadOnlyList<PackCell>)[PackCell.Of(n), PackCell.Of(-42.5 + (s * 12.5)), PackCell.Of(-90.0 + (s * 25.0))])]),
        ]);
    }

    private static PackSheet Assumptions() => new("Assumptions", "Assumptions and the data the pack was run on", [
        new PackTable("Assumptions",
            [new("Assumption", PackFormat.Text), new("Value", PackFormat.Text), new("Source", PackFormat.Text), new("Version", PackFormat.Text)],
            [
                [PackCell.Of("Leaver rate, genetic counsellors"), PackCell.Of("8.5% a year"), PackCell.Of("ESR leavers 2021-2025"), PackCell.Of("planning-assumptions v3")],
                [PackCell.Of("Less-than-full-time working"), PackCell.Of("0.86 FTE per head"), PackCell.Of("ESR snapshot 2026-02"), PackCell.Of("planning-assumptions v3")],
                [PackCell.Of("STP commissions"), PackCell.Of("+20% from 2026 (more-stp)"), PackCell.Of("scenario more-stp.csv line 4"), PackCell.Of("scenarios v2")],
            ]),
        new PackText(PackTextKind.Heading, "The data it was run on"),
        new PackText(PackTextKind.Paragraph, "Batches 41 to 57; ESR snapshot dates 2025-03 to 2026-02; return periods 2025-Q1 to 2025-Q4. Organisations that sent no return: RXX <Example Trust> & RYY."),
        new PackText(PackTextKind.Note, "Seed 20260331: the same inputs and seed give the same pack."),
    ]);
}
