namespace StaffDataPipeline.Planning;

/// <summary>
/// The plan's inputs grouped by organisation once, so each unit's data is its organisations' groups put together
/// (a national plan has some 300 units: filtering every input list for each of them was most of the model's time).
/// Stated demand is kept only for organisations whose staff in post the warehouse holds: a gap is demand minus supply,
/// and an organisation with a return but no ESR export would add its demand with none of its supply. Those
/// organisations are listed in <see cref="DemandWithoutSupply"/>, so the plan can say whose demand it left out.
/// </summary>
internal sealed class InputsByOrganisation
{
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);

    public InputsByOrganisation(PlanningInputs inputs)
    {
        foreach (var s in inputs.Stock)
        {
            GroupOf(s.OrganisationCode).Stock.Add(s);
        }

        foreach (var f in inputs.Flows)
        {
            GroupOf(f.OrganisationCode).Flows.Add(f);
        }

        foreach (var t in inputs.Trainees)
        {
            GroupOf(t.OrganisationCode).Trainees.Add(t);
        }

        foreach (var s in inputs.Starters)
        {
            GroupOf(s.OrganisationCode).Starters.Add(s);
        }

        var withSupply = inputs.Stock.Where(s => s.Heads > 0).Select(s => s.OrganisationCode)
            .Concat(inputs.Trainees.Where(t => t.Heads > 0).Select(t => t.OrganisationCode))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var without = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in inputs.Demand)
        {
            if (withSupply.Contains(d.OrganisationCode))
            {
                GroupOf(d.OrganisationCode).Demand.Add(d);
            }
            else
            {
                without.Add(d.OrganisationCode);
            }
        }

        DemandWithoutSupply = [.. without];
    }

    /// <summary>Organisations whose returns state demand but whose staff in post the warehouse does not hold (left out of every gap).</summary>
    public IReadOnlyList<string> DemandWithoutSupply { get; }

    public UnitData DataOf(IReadOnlyCollection<string> organisations)
    {
        var groups = organisations.Select(o => _groups.GetValueOrDefault(o)).OfType<Group>().ToList();
        return new UnitData(
            [.. groups.SelectMany(g => g.Stock)],
            FlowTotals.Of(groups.SelectMany(g => g.Flows)),
            [.. groups.SelectMany(g => g.Trainees)],
            [.. groups.SelectMany(g => g.Starters)],
            [.. groups.SelectMany(g => g.Demand)]);
    }

    private Group GroupOf(string organisation)
    {
        if (!_groups.TryGetValue(organisation, out var group))
        {
            _groups[organisation] = group = new Group();
        }

        return group;
    }

    private sealed class Group
    {
        public List<StockCell> Stock { get; } = [];

        public List<FlowCell> Flows { get; } = [];

        public List<TraineeCell> Trainees { get; } = [];

        public List<StarterCell> Starters { get; } = [];

        public List<DemandCell> Demand { get; } = [];
    }
}
