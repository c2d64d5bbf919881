namespace StaffDataPipeline.Planning;

/// <summary>
/// The flows of a set of organisations added up by role and rate band. Two readings: as a set of organisations
/// (a move to another organisation is a leaver, a move in a joiner) and, for England, as the NHS (moves between
/// organisations are neither: only leaving the NHS genomics workforce and joining it from outside count).
/// </summary>
public sealed class FlowTotals
{
    private readonly Dictionary<(string Role, RateBand Band), LeaverTally> _leavers = [];
    private readonly Dictionary<string, JoinerTally> _joiners = new(StringComparer.Ordinal);

    public static FlowTotals Of(IEnumerable<FlowCell> flows)
    {
        var totals = new FlowTotals();
        foreach (var f in flows)
        {
            totals.Add(f);
        }

        return totals;
    }

    public IEnumerable<string> Roles => _joiners.Keys;

    public void Add(FlowCell f)
    {
        var key = (f.RoleCode, AgeBands.RateBandOf(f.AgeBand));
        var l = _leavers.GetValueOrDefault(key);
        _leavers[key] = new(l.Leavers + f.Leavers, l.Moves + f.LeaversToOtherOrganisation, l.Exposure + f.Exposure);
        if (!_joiners.TryGetValue(f.RoleCode, out var j))
        {
            _joiners[f.RoleCode] = j = new JoinerTally();
        }

        j.Exposure += f.Exposure;
        j.FromOther += f.JoinersFromOtherOrganisation;
        j.NewToNhs += f.JoinersNewToNhs;
        j.NewlyQualified += f.JoinersNewlyQualified;
        j.ByAge[(int)f.AgeBand] += f.JoinersFromOtherOrganisation + f.JoinersNewToNhs;
    }

    /// <summary>Leavers and person-years of a role in a band; <paramref name="asNhs"/> leaves out moves to other organisations.</summary>
    public (double Events, double Exposure) Leavers(string role, RateBand band, bool asNhs)
    {
        var l = _leavers.GetValueOrDefault((role, band));
        return (asNhs ? l.Leavers - l.Moves : l.Leavers, l.Exposure);
    }

    /// <summary>Joiners (other than newly qualified) and person-years of a role; <paramref name="asNhs"/> leaves out joiners from other organisations.</summary>
    public (double Events, double Exposure) Joiners(string role, bool asNhs)
    {
        var j = _joiners.GetValueOrDefault(role);
        return j is null ? (0, 0) : (asNhs ? j.NewToNhs : j.FromOther + j.NewToNhs, j.Exposure);
    }

    /// <summary>Joiners of a role by the age band they joined in.</summary>
    public double[] JoinerAges(string role) => _joiners.GetValueOrDefault(role)?.ByAge ?? new double[AgeBands.Count];

    private readonly record struct LeaverTally(double Leavers, double Moves, double Exposure);

    private sealed class JoinerTally
    {
        public double Exposure { get; set; }

        public double FromOther { get; set; }

        public double NewToNhs { get; set; }

        public double NewlyQualified { get; set; }

        public double[] ByAge { get; } = new double[AgeBands.Count];
    }
}
