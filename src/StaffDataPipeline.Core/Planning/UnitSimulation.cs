namespace StaffDataPipeline.Planning;

/// <summary>
/// One run of one unit, year by year. Each year, for a role in post:
/// leavers by age band ~ Binomial(heads in band, the band's leaver rate); of those who stay, role moves (promotions)
/// ~ Binomial(stayers, the national move rate) into the same age band of the other role; the rest age (a fifth of the 50–54s and of
/// the 55–59s move up a band, and of the under-50s the share the national stock shows at 50–54 a year of age); joiners from other
/// organisations and new to the NHS ~ Poisson(joiner rate × heads at the start of the year), in the age bands joiners
/// arrive in; and newly qualified from the unit's routes join under 50. For a route: each cohort loses
/// ~ Binomial(attrition) and moves up a training year; the last year's ~ Binomial(completion) complete, of whom
/// ~ Binomial(take-post here) join the qualified role; this year's commissions enter year 1.
/// Rates are drawn once a run from their posteriors, so the spread between runs includes how little is known about them.
/// </summary>
internal static class UnitSimulation
{
    public static readonly int[] Horizons = [5, 10];

    /// <param name="supplyFte">[line][year] supply in FTE, written for every line.</param>
    /// <param name="supplyHeads">[line][year] heads.</param>
    /// <param name="needed">[route][horizon] commissions a year that close the gap; NaN where unknown or impossible.</param>
    public static void Run(UnitModel model, IDraws draws, double[] supplyFte, double[] supplyHeads, double[] needed)
    {
        var lines = model.Lines;
        var years = model.Horizon + 1;
        var leaving = new double[lines.Count * AgeBands.RateBandCount];
        var joining = new double[lines.Count];
        var heads = new double[lines.Count * AgeBands.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            for (var b = 0; b < AgeBands.RateBandCount; b++)
            {
                leaving[(i * AgeBands.RateBandCount) + b] = draws.Beta(line.Leaving[b].Alpha, line.Leaving[b].Beta);
            }

            joining[i] = draws.Gamma(line.Joining.Alpha, line.Joining.GammaRate);
            if (!line.IsTrainee)
            {
                line.Heads0.CopyTo(heads, i * AgeBands.Count);
            }
        }

        var moveRates = lines.Select(l => l.MovesOut.Select(m => draws.Beta(m.Rate.Alpha, m.Rate.Beta)).ToArray()).ToArray();
        var cohorts = model.Routes.Select(r => (double[])r.Cohorts0.Clone()).ToArray();
        var qualified = new double[lines.Count];
        var starting = new double[lines.Count];
        var incoming = new double[lines.Count * AgeBands.Count];
        Record(model, 0, heads, cohorts, supplyFte, supplyHeads);
        for (var t = 1; t < years; t++)
        {
            Array.Clear(qualified);
            for (var r = 0; r < model.Routes.Count; r++)
            {
                var route = model.Routes[r];
                var c = cohorts[r];
                for (var y = c.Length - 1; y >= 0; y--)
                {
                    var stay = draws.Binomial(c[y], 1 - route.Route.AnnualAttrition);
                    if (y == c.Length - 1)
                    {
                        var completed = draws.Binomial(stay, route.Route.Completion);
                        qualified[route.QualifiedLine] += draws.Binomial(completed, route.TakePostHere);
                    }
                    else
                    {
                        c[y + 1] = stay;
                    }
                }

                c[0] = draws.Whole(route.CommissionsByYear[t]);
            }

            // Leavers first in every role, then role moves among those who stay, then ageing and joiners.
            Array.Clear(incoming);
            for (var i = 0; i < lines.Count; i++)
            {
                if (!lines[i].IsTrainee)
                {
                    starting[i] = Leave(draws, heads.AsSpan(i * AgeBands.Count, AgeBands.Count), leaving.AsSpan(i * AgeBands.RateBandCount, AgeBands.RateBandCount), lines[i].LeaverMultiplier?[t] ?? 1);
                    Move(lines[i], draws, heads.AsSpan(i * AgeBands.Count, AgeBands.Count), moveRates[i], incoming);
                }
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (!lines[i].IsTrainee)
                {
                    var h = heads.AsSpan(i * AgeBands.Count, AgeBands.Count);
                    for (var a = 0; a < AgeBands.Count; a++)
                    {
                        h[a] += incoming[(i * AgeBands.Count) + a];
                    }

                    AgeAndJoin(lines[i], draws, h, joining[i] * starting[i], qualified[i]);
                }
            }

            Record(model, t, heads, cohorts, supplyFte, supplyHeads);
        }

        Needed(model, leaving, supplyFte, needed);
    }

    /// <summary>Leavers by age band; returns the heads at the start of the year (joiners are a rate on them).</summary>
    /// <param name="multiplier">A scenario's change to the leaver rates this year (1: none); a rate stays at most 1.</param>
    private static double Leave(IDraws draws, Span<double> h, ReadOnlySpan<double> leaving, double multiplier)
    {
        double start = 0;
        for (var a = 0; a < AgeBands.Count; a++)
        {
            start += h[a];
            h[a] -= draws.Binomial(h[a], Math.Min(1, leaving[(int)AgeBands.RateBandOf((AgeBand)a)] * multiplier));
        }

        return start;
    }

    /// <summary>Role moves out of a role, by age band, into the destination's same band (added after every role has moved).</summary>
    private static void Move(RoleLine line, IDraws draws, Span<double> h, double[] rates, double[] incoming)
    {
        for (var m = 0; m < rates.Length; m++)
        {
            var to = line.MovesOut[m].To;
            for (var a = 0; a < AgeBands.Count; a++)
            {
                var moved = draws.Binomial(h[a], rates[m]);
                h[a] -= moved;
                incoming[(to * AgeBands.Count) + a] += moved;
            }
        }
    }

    private static void AgeAndJoin(RoleLine line, IDraws draws, Span<double> h, double expectedJoiners, double qualified)
    {
        // Age the stayers from the top down, so no one moves two bands in a year.
        var to60 = draws.Binomial(h[2], 0.2);
        var to55 = draws.Binomial(h[1], 0.2);
        var to50 = draws.Binomial(h[0], line.AgeingUnder50);
        h[3] += to60;
        h[2] += to55 - to60;
        h[1] += to50 - to55;
        h[0] -= to50;

        // Joiners in the bands joiners arrive in: a multinomial drawn as successive binomials.
        var joiners = draws.Poisson(expectedJoiners);
        var left = 1.0;
        for (var a = 0; a < AgeBands.Count && joiners > 0; a++)
        {
            var share = line.JoinerAgeShares[a];
            var these = a == AgeBands.Count - 1 ? joiners : draws.Binomial(joiners, left > 0 ? Math.Clamp(share / left, 0, 1) : 0);
            h[a] += these;
            joiners -= these;
            left -= share;
        }

        h[0] += qualified;
    }

    private static void Record(UnitModel model, int t, double[] heads, double[][] cohorts, double[] supplyFte, double[] supplyHeads)
    {
        var years = model.Horizon + 1;
        for (var i = 0; i < model.Lines.Count; i++)
        {
            double n = 0;
            if (!model.Lines[i].IsTrainee)
            {
                for (var a = 0; a < AgeBands.Count; a++)
                {
                    n += heads[(i * AgeBands.Count) + a];
                }
            }

            supplyHeads[(i * years) + t] = n;
        }

        for (var r = 0; r < model.Routes.Count; r++)
        {
            supplyHeads[(model.Routes[r].TraineeLine * years) + t] += cohorts[r].Sum();
        }

        for (var i = 0; i < model.Lines.Count; i++)
        {
            supplyFte[(i * years) + t] = supplyHeads[(i * years) + t] * model.Lines[i].FtePerHeadByYear[t];
        }
    }

    /// <summary>
    /// The reverse question. Extra starters x a year entering in years 1 … H − L qualify L years later and stay with
    /// this run's under-55 leaver rate q, so at the horizon H they add x · yield · Σ_{j=0}^{H−L−1} (1 − q)^j heads.
    /// Setting that to the gap (in heads) gives x; the commissions needed are the planned starters a year over years
    /// 1 … H − L (the baseline, or a scenario's) plus x, never below zero.
    /// No one starting next year qualifies by H when H − L &lt; 1: NaN, reported as "cannot close in time".
    /// </summary>
    private static void Needed(UnitModel model, double[] leaving, double[] supplyFte, double[] needed)
    {
        var years = model.Horizon + 1;
        for (var r = 0; r < model.Routes.Count; r++)
        {
            var route = model.Routes[r];
            var q = model.Lines[route.QualifiedLine];
            for (var h = 0; h < Horizons.Length; h++)
            {
                var horizon = Horizons[h];
                var span = horizon - route.Route.Years;
                var yield = route.Yield;
                if (horizon > model.Horizon || !q.HasDemand || span < 1 || yield <= 0)
                {
                    needed[(r * Horizons.Length) + h] = double.NaN;
                    continue;
                }

                var gapHeads = (q.Demand[horizon] - supplyFte[(route.QualifiedLine * years) + horizon]) / q.FtePerHeadByYear[horizon];
                var survive = 1 - Math.Min(1, leaving[route.QualifiedLine * AgeBands.RateBandCount] * (q.LeaverMultiplier?[horizon] ?? 1));
                double sum = 0;
                for (var j = 0; j < span; j++)
                {
                    sum += Math.Pow(survive, j);
                }

                needed[(r * Horizons.Length) + h] = Math.Max(0, route.PlannedPerYear(span) + (gapHeads / (yield * sum)));
            }
        }
    }
}
