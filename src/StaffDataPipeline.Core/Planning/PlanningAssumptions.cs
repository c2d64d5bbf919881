namespace StaffDataPipeline.Planning;

/// <summary>
/// The plan's assumption register (reference-data/planning-assumptions.csv and training-pipelines.csv). The version is
/// a hash of both files, recorded with every run, so a figure names the assumptions that produced it.
/// </summary>
public sealed record PlanningAssumptions(string Version, IReadOnlyList<PlanningRoute> Routes)
{
    /// <summary>For a reference data folder without the files: no routes and the defaults below.</summary>
    public static PlanningAssumptions None { get; } = new("none", []);

    /// <summary>An organisation gets its own line for a role only with at least this many people in it.</summary>
    public int OrganisationThresholdHeads { get; init; } = 20;

    /// <summary>
    /// The least and most weight (in person-years) the national rate carries in a unit's rate: the estimated
    /// credibility constant k is kept within these, so that 5 people with no leaver never get a zero rate.
    /// </summary>
    public double CredibilityMin { get; init; } = 10;

    public double CredibilityMax { get; init; } = 1000;

    /// <summary>
    /// The share of the under-50s who turn 50 in a year where the stock cannot tell (no one in the role aged under 55
    /// nationally). Otherwise it is read from the national stock: the people aged 50–54 a year of age, over the
    /// under-50s, i.e. (heads 50–54 / 5) / heads under 50 — ages change smoothly across 50.
    /// </summary>
    public double AgeingUnder50 { get; init; } = 0.04;

    /// <summary>
    /// What the plan assumes where the warehouse has few or no 12-month flows yet (a new warehouse, a month or two of
    /// exports): leaver rates a year by rate band (under 55, 55–59, 60+) and a joiner rate a year (joiners other than
    /// newly qualified, per person in post), each counting as <see cref="PriorPersonYears"/> person-years of evidence
    /// in the pooled national rate every role is shrunk toward. 0 person-years (the default here) leaves the rates to
    /// the flows alone; planning-assumptions.csv sets them, with their source. At national size (tens of thousands of
    /// person-years) they change nothing; with no flows, they are the rates.
    /// </summary>
    public IReadOnlyList<double> PriorLeaverRates { get; init; } = [0, 0, 0];

    public double PriorJoinerRate { get; init; }

    public double PriorPersonYears { get; init; }

    /// <summary>Monte Carlo runs when the caller does not say.</summary>
    public int Runs { get; init; } = 1000;

    /// <summary>Years projected (0 is the snapshot).</summary>
    public int Horizon { get; init; } = 10;

    /// <summary>The scenarios in reference-data/scenarios (the baseline is implicit and not among them), by name.</summary>
    public IReadOnlyList<Scenarios.PlanScenario> Scenarios { get; init; } = [];

    /// <summary>Every scenario a run can name: baseline first, then the files' in name order.</summary>
    public IReadOnlyList<string> ScenarioNames => [SupplyPlanner.Baseline, .. Scenarios.Select(s => s.Name).Order(StringComparer.Ordinal)];

    /// <summary>The scenario of that name (baseline: no overrides).</summary>
    /// <exception cref="Scenarios.UnknownScenarioException">No file defines it; the message lists those that exist.</exception>
    public Scenarios.PlanScenario Scenario(string name) =>
        name == SupplyPlanner.Baseline
            ? Planning.Scenarios.PlanScenario.Baseline
            : ScenarioProblems.TryGetValue(name, out var problem) ? throw new Scenarios.UnknownScenarioException(name, ScenarioNames, problem)
            : Scenarios.FirstOrDefault(s => s.Name == name) ?? throw new Scenarios.UnknownScenarioException(name, ScenarioNames);

    /// <summary>
    /// Scenario files with a mistake, by the name they would have, with the sentence validation gave (file, line, what
    /// to write). A draft scenario stops only a run that asks for it, never a load or the baseline.
    /// </summary>
    public IReadOnlyDictionary<string, string> ScenarioProblems { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The planning pack shows a count of people under this as "&lt;5" (0: no suppression).</summary>
    public int SuppressBelowHeads { get; init; } = 5;

    /// <summary>The source column of planning-assumptions.csv by assumption name (none for a default not in the file).</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
