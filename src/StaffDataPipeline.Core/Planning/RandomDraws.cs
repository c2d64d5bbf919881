namespace StaffDataPipeline.Planning;

/// <summary>
/// Seeded draws for the Monte Carlo: xoshiro256** seeded by SplitMix64, so a seed gives the same figures on every
/// machine and .NET version (System.Random's algorithm is not promised to stay). Run r of a plan seeded s uses
/// seed (s, r), so runs can go in parallel in any order and still give the same figures.
/// </summary>
public sealed class RandomDraws : IDraws
{
    // Above this mean the binomial and Poisson use the normal approximation: the error is far below the Monte Carlo's.
    private const double NormalAbove = 30;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double? _spareNormal;

    public RandomDraws(ulong seed, ulong run = 0)
    {
        var x = seed ^ (run * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Uniform on [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Normal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    public double Binomial(double n, double p)
    {
        var count = (long)Math.Round(n);
        if (count <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return count;
        }

        if (p > 0.5)
        {
            return count - Binomial(count, 1 - p);
        }

        var mean = count * p;
        if (mean > NormalAbove)
        {
            return Math.Clamp(Math.Round(mean + (Math.Sqrt(mean * (1 - p)) * Normal())), 0, count);
        }

        // Inversion (Devroye): walk up the probabilities from 0; costs about the mean, which is small here.
        var q = 1 - p;
        var ratio = p / q;
        var a = (count + 1) * ratio;
        var r = Math.Pow(q, count);
        var u = NextDouble();
        long x = 0;
        while (u > r && x < count)
        {
            u -= r;
            x++;
            r *= (a / x) - ratio;
        }

        return x;
    }

    public double Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > NormalAbove)
        {
            return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var product = NextDouble();
        long k = 0;
        while (product > limit)
        {
            product *= NextDouble();
            k++;
        }

        return k;
    }

    public double Beta(double alpha, double beta)
    {
        var x = StandardGamma(alpha);
        var y = StandardGamma(beta);
        return x + y > 0 ? x / (x + y) : alpha / (alpha + beta);
    }

    public double Gamma(double shape, double rate) => rate > 0 && shape > 0 ? StandardGamma(shape) / rate : 0;

    public double Whole(double x)
    {
        var floor = Math.Floor(x);
        return floor + (NextDouble() < x - floor ? 1 : 0);
    }

    // Marsaglia and Tsang (2000); a shape under 1 is boosted by one and scaled back with U^(1/shape).
    private double StandardGamma(double shape)
    {
        if (shape <= 0)
        {
            return 0;
        }

        if (shape < 1)
        {
            return StandardGamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z;
            double v;
            do
            {
                z = Normal();
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - (0.0331 * z * z * z * z) || Math.Log(u) < (0.5 * z * z) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private ulong Next()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
