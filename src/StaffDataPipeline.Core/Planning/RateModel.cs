namespace StaffDataPipeline.Planning;

/// <summary>
/// Leaver and joiner rates for any unit, estimated once from all organisations' flows (see <see cref="Credibility"/>):
/// <list type="number">
/// <item>nationally by role and rate band, shrunk toward all genomics roles in the band (k estimated across roles);</item>
/// <item>for a region, GLH or organisation, its own flows shrunk toward that national role rate (k estimated across
/// organisations in the band, the spread a unit's rate really has).</item>
/// </list>
/// England as a unit reads the flows as the NHS does: moves between organisations are neither leavers nor joiners.
/// </summary>
public sealed class RateModel
{
    private readonly FlowTotals _national;
    private readonly PlanningAssumptions _assumptions;
    private readonly Dictionary<(string Role, RateBand Band), RatePosterior> _asNhs = [];
    private readonly Dictionary<(string Role, RateBand Band), double> _unitTarget = [];
    private readonly Dictionary<string, RatePosterior> _joinAsNhs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _joinTarget = new(StringComparer.Ordinal);
    private readonly double[] _unitK = new double[AgeBands.RateBandCount];
    private readonly double[] _allJoinerAges;

    private readonly Dictionary<string, List<(string To, double Moves)>> _moves = new(StringComparer.Ordinal);

    private RateModel(IReadOnlyList<FlowCell> flows, IReadOnlyList<MoveCell> moves, PlanningAssumptions assumptions)
    {
        foreach (var g in moves.Where(m => m.FromRole != m.ToRole).GroupBy(m => (m.FromRole, m.ToRole)).OrderBy(g => g.Key.FromRole, StringComparer.Ordinal).ThenBy(g => g.Key.ToRole, StringComparer.Ordinal))
        {
            if (!_moves.TryGetValue(g.Key.FromRole, out var list))
            {
                _moves[g.Key.FromRole] = list = [];
            }

            list.Add((g.Key.ToRole, g.Sum(m => m.Moves)));
        }

        _assumptions = assumptions;
        _national = FlowTotals.Of(flows);
        var roles = _national.Roles.Order(StringComparer.Ordinal).ToList();
        for (var b = 0; b < AgeBands.RateBandCount; b++)
        {
            var band = (RateBand)b;
            foreach (var asNhs in new[] { true, false })
            {
                var cells = roles.Select(r => (Role: r, Tally: _national.Leavers(r, band, asNhs))).ToList();
                var pooled = Pooled(cells.Select(c => c.Tally), assumptions.PriorLeaverRates[b], assumptions.PriorPersonYears);
                var k = Credibility.EstimateK(cells.Select(c => (c.Tally.Events, c.Tally.Exposure, pooled)), assumptions.CredibilityMin, assumptions.CredibilityMax);
                NationalK[b] = asNhs ? k : NationalK[b];
                foreach (var (role, (x, e)) in cells)
                {
                    var posterior = Credibility.Leaver(x, e, pooled, k);
                    if (asNhs)
                    {
                        _asNhs[(role, band)] = posterior;
                    }
                    else
                    {
                        _unitTarget[(role, band)] = posterior.Mean;
                    }
                }
            }

            // The spread between organisations, around each role's national rate, sets how far a unit is shrunk.
            var byOrganisation = flows.GroupBy(f => (f.OrganisationCode, f.RoleCode)).Select(g =>
            {
                var (x, e) = FlowTotals.Of(g).Leavers(g.Key.RoleCode, band, asNhs: false);
                return (x, e, _unitTarget.GetValueOrDefault((g.Key.RoleCode, band)));
            });
            _unitK[b] = Credibility.EstimateK(byOrganisation, assumptions.CredibilityMin, assumptions.CredibilityMax);
        }

        foreach (var asNhs in new[] { true, false })
        {
            var cells = roles.Select(r => (Role: r, Tally: _national.Joiners(r, asNhs))).ToList();
            var pooled = Pooled(cells.Select(c => c.Tally), assumptions.PriorJoinerRate, assumptions.PriorPersonYears, clamp: false);
            var k = Credibility.EstimatePoissonK(cells.Select(c => (c.Tally.Events, c.Tally.Exposure, pooled)), assumptions.CredibilityMin, assumptions.CredibilityMax);
            NationalJoinerK = asNhs ? k : NationalJoinerK;
            foreach (var (role, (j, e)) in cells)
            {
                var posterior = new RatePosterior(j, e, pooled, k);
                if (asNhs)
                {
                    _joinAsNhs[role] = posterior;
                }
                else
                {
                    _joinTarget[role] = posterior.GammaMean;
                }
            }
        }

        var joinersByOrganisation = flows.GroupBy(f => (f.OrganisationCode, f.RoleCode)).Select(g =>
        {
            var (j, e) = FlowTotals.Of(g).Joiners(g.Key.RoleCode, asNhs: false);
            return (j, e, _joinTarget.GetValueOrDefault(g.Key.RoleCode));
        });
        UnitJoinerK = Credibility.EstimatePoissonK(joinersByOrganisation, assumptions.CredibilityMin, assumptions.CredibilityMax);

        _allJoinerAges = new double[AgeBands.Count];
        foreach (var role in roles)
        {
            var ages = _national.JoinerAges(role);
            for (var a = 0; a < AgeBands.Count; a++)
            {
                _allJoinerAges[a] += ages[a];
            }
        }
    }

    /// <summary>The credibility constant k of national role rates toward all roles, by rate band.</summary>
    public double[] NationalK { get; } = new double[AgeBands.RateBandCount];

    /// <summary>The credibility constant k of national joiner rates toward all roles (England read as the NHS).</summary>
    public double NationalJoinerK { get; private set; }

    /// <summary>The credibility constant k of a unit's joiner rate toward the national role rate.</summary>
    public double UnitJoinerK { get; private set; }

    /// <summary>The credibility constant k of a unit's rate toward the national role rate, by rate band.</summary>
    public IReadOnlyList<double> UnitK => _unitK;

    public static RateModel Estimate(IReadOnlyList<FlowCell> flows, PlanningAssumptions assumptions, IReadOnlyList<MoveCell>? moves = null) => new(flows, moves ?? [], assumptions);

    /// <summary>
    /// The role moves out of a role, each as a Beta(moves + ½, person-years − moves + ½) posterior of the national
    /// rate a year (moves are rare, so every unit uses the national rate: its own would be mostly noise).
    /// </summary>
    public IEnumerable<(string To, RatePosterior Rate)> MovesFrom(string role)
    {
        var exposure = _national.Joiners(role, asNhs: false).Exposure;
        foreach (var (to, moves) in _moves.GetValueOrDefault(role) ?? [])
        {
            if (exposure > 0)
            {
                // Target ½ with k = 1 is the Jeffreys prior: Alpha = moves + ½, Beta = e − moves + ½.
                yield return (to, new RatePosterior(Math.Min(moves, exposure), exposure, 0.5, 1));
            }
        }
    }

    /// <summary>A unit's leaver-rate posterior for a role and band, from the unit's own flows.</summary>
    public RatePosterior LeaverRate(FlowTotals unit, string role, RateBand band, bool national)
    {
        if (national)
        {
            return _asNhs.TryGetValue((role, band), out var p) ? p : new RatePosterior(0, 0, PooledTarget(band), NationalK[(int)band]);
        }

        var (x, e) = unit.Leavers(role, band, asNhs: false);
        var target = _unitTarget.TryGetValue((role, band), out var t) ? t : PooledTarget(band);
        return Credibility.Leaver(x, e, target, _unitK[(int)band]);
    }

    /// <summary>A unit's joiner-rate posterior (joiners a year per person in post, newly qualified excluded).</summary>
    public RatePosterior JoinerRate(FlowTotals unit, string role, bool national)
    {
        if (national)
        {
            return _joinAsNhs.TryGetValue(role, out var p) ? p : new RatePosterior(0, 0, _assumptions.PriorJoinerRate, NationalJoinerK);
        }

        var (j, e) = unit.Joiners(role, asNhs: false);
        return new RatePosterior(j, e, _joinTarget.TryGetValue(role, out var target) ? target : _assumptions.PriorJoinerRate, UnitJoinerK);
    }

    /// <summary>
    /// The age bands joiners of a role arrive in: the role's national joiners, with the mix of all roles counting as
    /// five joiners so that a role with few joiners still gets a sensible mix.
    /// </summary>
    public double[] JoinerAgeShares(string role)
    {
        const double priorJoiners = 5;
        var own = _national.JoinerAges(role);
        var all = _allJoinerAges.Sum();
        var ownTotal = own.Sum();
        var shares = new double[AgeBands.Count];
        for (var a = 0; a < AgeBands.Count; a++)
        {
            var prior = all > 0 ? _allJoinerAges[a] / all : (a == 0 ? 1 : 0);
            shares[a] = (own[a] + (priorJoiners * prior)) / (ownTotal + priorJoiners);
        }

        return shares;
    }

    private double PooledTarget(RateBand band)
    {
        var roles = _national.Roles.Select(r => _national.Leavers(r, band, asNhs: false));
        return Pooled(roles, _assumptions.PriorLeaverRates[(int)band], _assumptions.PriorPersonYears);
    }

    /// <summary>
    /// All roles' events over all roles' person-years, with the assumed prior rate counting as
    /// <paramref name="priorYears"/> person-years (so a warehouse without flows plans with the prior, not with zero).
    /// </summary>
    private static double Pooled(IEnumerable<(double Events, double Exposure)> tallies, double prior, double priorYears, bool clamp = true)
    {
        double x = prior * priorYears;
        double e = priorYears;
        foreach (var (events, exposure) in tallies)
        {
            x += events;
            e += exposure;
        }

        return e <= 0 ? 0 : clamp ? Math.Clamp(x / e, 0, 1) : x / e;
    }

    internal PlanningAssumptions Assumptions => _assumptions;
}
