namespace StaffDataPipeline.Planning;

/// <summary>
/// Rates that small numbers cannot break: a unit's rate is its own observed rate shrunk toward the rate of the level
/// above it (a role's national rate, or for a national role the rate of all genomics roles in the age band), by a
/// beta-binomial empirical Bayes estimate.
/// <para>
/// With x leavers in e person-years and a target rate p, the unit's rate has the posterior Beta(x + k·p, e − x + k·(1 − p)),
/// whose mean is Z·(x / e) + (1 − Z)·p with credibility weight Z = e / (e + k): the national rate counts as k
/// person-years of evidence. k is estimated from how far units' rates differ beyond what chance explains (method of
/// moments, <see cref="EstimateK"/>) and kept within [min, max], so that a team of 5 with no leaver keeps most of the
/// national rate and a team with one leaver is not given 20 %.
/// </para>
/// Joiner rates use the gamma-Poisson analogue: Gamma(j + k·λ, e + k), mean Z·(j / e) + (1 − Z)·λ, with their own k (<see cref="EstimatePoissonK"/>).
/// </summary>
public static class Credibility
{
    /// <summary>
    /// The credibility constant k from cells (events x_i, exposure e_i, target p_i). If each cell's true rate is drawn
    /// from Beta with mean p_i and k + 1 = 1 / (intra-class correlation), then
    /// E[S] = Σ p_i q_i · (1 + (e_i − 1) / (k + 1)) for S = Σ e_i (x_i / e_i − p_i)², so
    /// 1 / (k + 1) = (S − Σ p_i q_i) / Σ p_i q_i (e_i − 1). No spread beyond chance gives <paramref name="max"/>.
    /// Cells under one person-year tell nothing about spread and are left out.
    /// </summary>
    public static double EstimateK(IEnumerable<(double Events, double Exposure, double Target)> cells, double min, double max)
    {
        double s = 0;
        double chance = 0;
        double scale = 0;
        foreach (var (x, e, p) in cells)
        {
            if (e < 1 || p <= 0 || p >= 1)
            {
                continue;
            }

            var r = Math.Min(x / e, 1);
            var pq = p * (1 - p);
            s += e * (r - p) * (r - p);
            chance += pq;
            scale += pq * (e - 1);
        }

        if (scale <= 0 || s <= chance)
        {
            return max;
        }

        var icc = (s - chance) / scale;
        return Math.Clamp((1 / icc) - 1, min, max);
    }

    /// <summary>
    /// The credibility constant k of joiner rates, from cells (joiners j_i, exposure e_i, target λ_i). With the cell's
    /// true rate drawn from Gamma(k·λ_i, k) (mean λ_i, variance λ_i / k), E[S] = Σ λ_i + Σ e_i λ_i / k for
    /// S = Σ e_i (j_i / e_i − λ_i)², so 1 / k = (S − Σ λ_i) / Σ e_i λ_i. Joiner rates differ between roles far more than
    /// leaver rates (a growing team hires in proportion to its growth), so they get their own k.
    /// </summary>
    public static double EstimatePoissonK(IEnumerable<(double Events, double Exposure, double Target)> cells, double min, double max)
    {
        double s = 0;
        double chance = 0;
        double scale = 0;
        foreach (var (j, e, lambda) in cells)
        {
            if (e < 1 || lambda <= 0)
            {
                continue;
            }

            var r = j / e;
            s += e * (r - lambda) * (r - lambda);
            chance += lambda;
            scale += e * lambda;
        }

        if (scale <= 0 || s <= chance)
        {
            return max;
        }

        return Math.Clamp(scale / (s - chance), min, max);
    }

    /// <summary>The leaver-rate posterior of a unit with <paramref name="events"/> leavers in <paramref name="exposure"/> person-years.</summary>
    public static RatePosterior Leaver(double events, double exposure, double target, double k) => new(events, exposure, target, k);
}

/// <summary>A rate's posterior: Beta(Alpha, Beta) for a leaver rate, Gamma(Alpha, Exposure + K) for a joiner rate.</summary>
public readonly record struct RatePosterior(double Events, double Exposure, double Target, double K)
{
    public double Alpha => Events + (K * Target);

    public double Beta => Math.Max(Exposure - Events, 0) + (K * (1 - Target));

    /// <summary>The weight of the unit's own experience, e / (e + k).</summary>
    public double Weight => Exposure + K > 0 ? Exposure / (Exposure + K) : 0;

    /// <summary>The rate used: for a leaver rate the Beta mean; for a joiner rate (GammaRate) the Gamma mean, same formula.</summary>
    public double Mean => Alpha + Beta > 0 ? Alpha / (Alpha + Beta) : Target;

    public double GammaRate => Exposure + K;

    public double GammaMean => GammaRate > 0 ? Alpha / GammaRate : 0;

    /// <summary>The unit's own observed rate, or null with no exposure.</summary>
    public double? Observed => Exposure > 0 ? Events / Exposure : null;
}
