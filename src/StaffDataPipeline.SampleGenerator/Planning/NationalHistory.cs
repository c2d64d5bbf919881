using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;

namespace StaffDataPipeline.SampleGenerator.Planning;

/// <summary>
/// A generated national history of the genomics workforce, person by person and year by year, with a known process
/// that is NOT stationary, for back-testing the plan (and for its benchmark at national size). It is not fitted to the
/// plan's model; the process is:
/// <list type="bullet">
/// <item>The history starts after 5 unreported years of the same process (a warm-up from 95 % filled posts), and the
/// establishment below is that of reported year 0.</item>
/// <item>Organisations in seven regions (one GLH each), of unequal size (the GLH lead trust three times the others).</item>
/// <item>Each organisation and role has a funded establishment that grows at a fixed rate a year: genetic counselling
/// 5–10 %, bioinformatics 12–15 %, laboratory and nursing 0–4 %, medical 0–1 %.</item>
/// <item>Every year each person ages a year and leaves the NHS genomics workforce with a probability that rises with
/// age: the role's base rate under 55, base + 6 points at 55–59, 30 % at 60–64, 60 % at 65–67, everyone at 68. The
/// consultant clinical geneticists and principal scientists start older (mean 53 and 50), so retirements rise.</item>
/// <item>Of those who stay, 3 % move to another organisation (same role); some are promoted within their family
/// (GC → GC-PRINCIPAL 3 %, LAB-CS → LAB-CS-PRINCIPAL 3 %, LAB-CS-PRINCIPAL → LAB-CS-CONS 2 %, BIOINF → BIOINF-CS 2 %).</item>
/// <item>Trainee intakes are fixed national numbers a year (StR 22, STP genomics 60, STP bioinformatics 14, STP genomic
/// counselling 35, HSST 8), shared among organisations by size; trainees leave training at the route's attrition
/// rate, and at the end complete and take a post in the qualified role where they trained at the route's rates.</item>
/// <item>Replacement hiring: after leavers, moves and qualifiers, each vacancy against the establishment is filled
/// from outside the NHS within the year with probability 0.8 (new joiners' ages around the role's mean less 8 years).</item>
/// </list>
/// Same seed, same history.
/// </summary>
public sealed class NationalHistory
{
    private const double FillRate = 0.8;

    // Years simulated before year 0 and not reported, so that the history does not begin with an artificial state
    // (every post 95 % filled at once, ages cut off at 67 and retiring together): a real history has no first year.
    private const int WarmUp = 5;
    private const double MoveRate = 0.03;

    // role, national establishment at year 0, growth a year, mean age, sd, base leaver rate under 55
    private static readonly (string Role, double Heads, double Growth, double Age, double Sd, double Leave)[] RoleSpecs =
    [
        ("MED-CG-CONS", 250, 0.01, 53, 7, 0.04),
        ("MED-CG-SAS", 60, 0.00, 48, 8, 0.07),
        ("GC", 500, 0.08, 38, 8, 0.07),
        ("GC-PRINCIPAL", 120, 0.05, 47, 7, 0.05),
        ("GC-ASSOC", 100, 0.10, 32, 7, 0.12),
        ("LAB-CS", 800, 0.03, 40, 8, 0.06),
        ("LAB-CS-PRINCIPAL", 250, 0.02, 50, 7, 0.04),
        ("LAB-CS-CONS", 80, 0.02, 54, 6, 0.04),
        ("LAB-PRACT", 1500, 0.02, 42, 10, 0.08),
        ("LAB-SUPPORT", 700, 0.00, 40, 12, 0.12),
        ("BIOINF-CS", 150, 0.12, 35, 7, 0.09),
        ("BIOINF", 250, 0.12, 33, 7, 0.14),
        ("BIOINF-ENG", 120, 0.15, 32, 6, 0.15),
        ("GEN-NURSE", 120, 0.04, 45, 8, 0.07),
        ("GEN-PRACT", 60, 0.15, 40, 8, 0.08),
        ("GEN-MGMT", 250, 0.02, 47, 8, 0.07),
        ("GEN-ADMIN", 1100, 0.01, 44, 12, 0.11),
    ];

    // route, trainee role, qualified role, years, intake a year, attrition, completion, take-post, starting age
    private static readonly (string Code, string Trainee, string Qualified, int Years, double Intake, double Attrition, double Completion, double TakePost, double Age)[] RouteSpecs =
    [
        ("STR-CG", "MED-CG-TRAINEE", "MED-CG-CONS", 4, 22, 0.03, 0.95, 0.90, 31),
        ("STP-GEN", "LAB-CS-TRAINEE", "LAB-CS", 3, 60, 0.04, 0.90, 0.85, 26),
        ("STP-BIOINF", "BIOINF-TRAINEE", "BIOINF-CS", 3, 14, 0.08, 0.85, 0.70, 27),
        ("STP-GC", "GC-TRAINEE", "GC", 3, 35, 0.03, 0.95, 0.95, 27),
        ("HSST", "LAB-CS-TRAINEE", "LAB-CS-CONS", 5, 8, 0.04, 0.85, 0.90, 34),
    ];

    private static readonly (string From, string To, double Rate)[] Promotions =
    [
        ("GC", "GC-PRINCIPAL", 0.03),
        ("LAB-CS", "LAB-CS-PRINCIPAL", 0.03),
        ("LAB-CS-PRINCIPAL", "LAB-CS-CONS", 0.02),
        ("BIOINF", "BIOINF-CS", 0.02),
    ];

    private static readonly (string Code, string Name, string Glh)[] Regions =
    [
        ("Y56", "London", "North Thames"),
        ("Y58", "South West", "South West"),
        ("Y59", "South East", "South East"),
        ("Y60", "Midlands", "Central and South"),
        ("Y61", "East of England", "East"),
        ("Y62", "North West", "North West"),
        ("Y63", "North East and Yorkshire", "North East and Yorkshire"),
    ];

    private readonly List<Person[]> _years = [];
    private readonly List<Organisation> _organisations = [];
    private readonly double[] _weights;
    private readonly double _scale;

    private NationalHistory(double scale, int organisationsPerRegion, int years, ulong seed)
    {
        _scale = scale;
        var weights = new List<double>();
        foreach (var (code, name, glh) in Regions)
        {
            for (var i = 0; i < organisationsPerRegion; i++)
            {
                _organisations.Add(new Organisation($"{code[1..]}{i:D2}", $"{name} trust {i + 1}", i == 0 ? "GLH lead trust" : "NHS trust", code, name, glh));
                weights.Add(i == 0 ? 3 : 1 + (i % 3 * 0.5));
            }
        }

        var total = weights.Sum();
        _weights = [.. weights.Select(w => w / total)];
        var random = new RandomDraws(seed);
        var nextId = 0;
        var state = Start(random, ref nextId);
        for (var t = 1 - WarmUp; t <= 0; t++)
        {
            state = Step(state, t, random, ref nextId);
        }

        _years.Add(state);
        for (var t = 1; t < years; t++)
        {
            _years.Add(Step(_years[^1], t, random, ref nextId));
        }
    }

    /// <summary>Everyone in post (trainees included) at the end of each year, 0 first.</summary>
    public IReadOnlyList<Person[]> Years => _years;

    public IReadOnlyList<Organisation> Organisations => _organisations;

    /// <summary>About 7,000 people in 28 organisations at scale 1.</summary>
    public static NationalHistory Generate(double scale = 1, int organisationsPerRegion = 4, int years = 11, ulong seed = 20_261_204) =>
        new(scale, organisationsPerRegion, years, seed);

    /// <summary>The routes as the generator runs them, as a plan's reference data would state them.</summary>
    public static IReadOnlyList<PlanningRoute> Routes { get; } =
        [.. RouteSpecs.Select(r => new PlanningRoute(r.Code, r.Code, r.Trainee, r.Qualified, r.Years, r.Attrition, r.Completion, r.TakePost, 1.0, null, "NationalHistory generator"))];

    /// <summary>
    /// What the warehouse would hand the plan at the end of <paramref name="year"/>: the stock, the flows of the
    /// <paramref name="flowYears"/> 12-month windows before it, trainees by route and training year, the starters of
    /// the last 12 months, and each organisation's establishment as stated demand (its true path at 5 and 10 years).
    /// </summary>
    public PlanningInputs InputsAt(int year, int flowYears = 1)
    {
        var now = _years[year];
        var stock = now.GroupBy(p => (p.Organisation, p.Role, Band: AgeBands.Of(p.Age)))
            .Select(g => new StockCell(g.Key.Organisation, g.Key.Role, g.Key.Band, g.Count(), g.Sum(p => p.Fte)))
            .ToList();
        var flows = new List<FlowCell>();
        var moves = new List<MoveCell>();
        for (var t = Math.Max(1, year - flowYears + 1); t <= year; t++)
        {
            flows.AddRange(FlowsBetween(_years[t - 1], _years[t]));
            moves.AddRange(MovesBetween(_years[t - 1], _years[t]));
        }

        var trainees = now.Where(p => p.Route is not null)
            .GroupBy(p => (p.Organisation, p.Route!, p.TrainingYear))
            .Select(g => new TraineeCell(g.Key.Organisation, g.Key.Item2, g.Key.TrainingYear, g.Count(), g.Sum(p => p.Fte)))
            .ToList();
        var starters = now.Where(p => p.Route is not null && p.TrainingYear == 1)
            .GroupBy(p => (p.Organisation, p.Route!))
            .Select(g => new StarterCell(g.Key.Organisation, g.Key.Item2, g.Count()))
            .ToList();
        var demand = (from o in Enumerable.Range(0, _organisations.Count)
                      from r in RoleSpecs
                      select new DemandCell(_organisations[o].Code, r.Role, "Unspecified", Establishment(o, r, year), Establishment(o, r, year + 5), Establishment(o, r, year + 10)))
                     .ToList();
        return new PlanningInputs(new DateOnly(2020 + year, 3, 31), stock, flows, trainees, starters, demand) { Moves = moves };
    }

    /// <summary>FTE in post at the end of a year, by role family.</summary>
    public Dictionary<string, double> FteByFamily(int year, Func<string, string> familyOf) =>
        _years[year].GroupBy(p => familyOf(p.Role)).ToDictionary(g => g.Key, g => g.Sum(p => p.Fte), StringComparer.Ordinal);

    private static IEnumerable<MoveCell> MovesBetween(Person[] start, Person[] end)
    {
        var after = end.ToDictionary(p => p.Id);
        return start.Where(p => p.Route is null && after.TryGetValue(p.Id, out var later) && later.Organisation == p.Organisation && later.Role != p.Role)
            .GroupBy(p => (p.Organisation, p.Role, To: after[p.Id].Role))
            .Select(g => new MoveCell(g.Key.Organisation, g.Key.Role, g.Key.To, 12, g.Count()));
    }

    private static IEnumerable<FlowCell> FlowsBetween(Person[] start, Person[] end)
    {
        var before = start.ToDictionary(p => p.Id);
        var after = end.ToDictionary(p => p.Id);
        var cells = new Dictionary<(string Org, string Role, AgeBand Band), int[]>();
        int[] Cell(string org, string role, AgeBand band) =>
            cells.TryGetValue((org, role, band), out var c) ? c : cells[(org, role, band)] = new int[6];

        foreach (var p in start)
        {
            var c = Cell(p.Organisation, p.Role, AgeBands.Of(p.Age));
            c[0]++;
            if (!after.TryGetValue(p.Id, out var later) || later.Organisation != p.Organisation)
            {
                c[1]++;
                c[2] += later is null ? 0 : 1;
            }
        }

        foreach (var p in end)
        {
            if (before.TryGetValue(p.Id, out var earlier) && earlier.Organisation == p.Organisation)
            {
                continue;
            }

            var c = Cell(p.Organisation, p.Role, AgeBands.Of(p.Age));
            var source = earlier is null ? 4 : earlier.Route is not null ? 5 : 3;
            c[source]++;
        }

        return cells.Select(kv => new FlowCell(kv.Key.Org, kv.Key.Role, kv.Key.Band, 12, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4], kv.Value[5]));
    }

    private double Establishment(int organisation, (string Role, double Heads, double Growth, double Age, double Sd, double Leave) role, int year) =>
        role.Heads * _scale * _weights[organisation] * Math.Pow(1 + role.Growth, year);

    private Person[] Start(RandomDraws random, ref int nextId)
    {
        var people = new List<Person>();
        for (var o = 0; o < _organisations.Count; o++)
        {
            foreach (var r in RoleSpecs)
            {
                var n = (int)Math.Round(Establishment(o, r, -WarmUp) * 0.95);
                for (var i = 0; i < n; i++)
                {
                    people.Add(new Person(nextId++, _organisations[o].Code, r.Role, Age(random, r.Age, r.Sd), Fte(random), null, 0));
                }
            }
        }

        foreach (var route in RouteSpecs)
        {
            for (var y = 1; y <= route.Years; y++)
            {
                var n = route.Intake * _scale * Math.Pow(1 - route.Attrition, y - 1);
                foreach (var o in Share(random, n))
                {
                    people.Add(new Person(nextId++, _organisations[o].Code, route.Trainee, Age(random, route.Age + y - 1, 3), Fte(random), route.Code, y));
                }
            }
        }

        return [.. people];
    }

    private Person[] Step(Person[] previous, int year, RandomDraws random, ref int nextId)
    {
        var people = new List<Person>();
        var routes = RouteSpecs.ToDictionary(r => r.Code);
        var specs = RoleSpecs.ToDictionary(r => r.Role);
        foreach (var p in previous)
        {
            var age = p.Age + 1;
            if (p.Route is { } code)
            {
                var route = routes[code];
                if (random.NextDouble() < route.Attrition)
                {
                    continue;
                }

                if (p.TrainingYear < route.Years)
                {
                    people.Add(p with { Age = age, TrainingYear = p.TrainingYear + 1 });
                }
                else if (random.NextDouble() < route.Completion && random.NextDouble() < route.TakePost)
                {
                    people.Add(p with { Age = age, Role = route.Qualified, Route = null, TrainingYear = 0 });
                }

                continue;
            }

            var spec = specs[p.Role];
            var leave = age < 55 ? spec.Leave : age < 60 ? spec.Leave + 0.06 : age < 65 ? 0.30 : age < 68 ? 0.60 : 1.0;
            if (random.NextDouble() < leave)
            {
                continue;
            }

            var organisation = p.Organisation;
            if (random.NextDouble() < MoveRate)
            {
                organisation = _organisations[Pick(random)].Code;
            }

            var role = p.Role;
            foreach (var (from, to, rate) in Promotions)
            {
                if (from == role && random.NextDouble() < rate)
                {
                    role = to;
                    break;
                }
            }

            people.Add(p with { Age = age, Organisation = organisation, Role = role });
        }

        foreach (var route in RouteSpecs)
        {
            foreach (var o in Share(random, route.Intake * _scale))
            {
                people.Add(new Person(nextId++, _organisations[o].Code, route.Trainee, Age(random, route.Age, 3), Fte(random), route.Code, 1));
            }
        }

        var inPost = people.Where(p => p.Route is null).GroupBy(p => (p.Organisation, p.Role)).ToDictionary(g => g.Key, g => g.Count());
        for (var o = 0; o < _organisations.Count; o++)
        {
            foreach (var r in RoleSpecs)
            {
                var vacancies = (int)Math.Round(Establishment(o, r, year)) - inPost.GetValueOrDefault((_organisations[o].Code, r.Role));
                for (var v = 0; v < vacancies; v++)
                {
                    if (random.NextDouble() < FillRate)
                    {
                        people.Add(new Person(nextId++, _organisations[o].Code, r.Role, Age(random, Math.Max(26, r.Age - 8), 7), Fte(random), null, 0));
                    }
                }
            }
        }

        return [.. people];
    }

    private IEnumerable<int> Share(RandomDraws random, double n)
    {
        var count = (int)Math.Floor(n) + (random.NextDouble() < n - Math.Floor(n) ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            yield return Pick(random);
        }
    }

    private int Pick(RandomDraws random)
    {
        var u = random.NextDouble();
        for (var o = 0; o < _weights.Length; o++)
        {
            u -= _weights[o];
            if (u < 0)
            {
                return o;
            }
        }

        return _weights.Length - 1;
    }

    private static int Age(RandomDraws random, double mean, double sd) => (int)Math.Clamp(Math.Round(mean + (sd * random.Normal())), 21, 67);

    private static double Fte(RandomDraws random) => random.NextDouble() switch
    {
        < 0.7 => 1.0,
        < 0.9 => 0.8,
        _ => 0.6,
    };

    /// <summary>One person in post at a year's end: trainees have a route and training year (1 = started this year).</summary>
    public sealed record Person(int Id, string Organisation, string Role, int Age, double Fte, string? Route, int TrainingYear);
}
