namespace StaffDataPipeline.Planning;

/// <summary>
/// The chance events of one projection run. <see cref="RandomDraws"/> samples them (the Monte Carlo);
/// <see cref="ExpectedDraws"/> returns their means, so the same step gives the expected projection a planner can
/// check by hand.
/// </summary>
public interface IDraws
{
    /// <summary>How many of <paramref name="n"/> people an event with probability <paramref name="p"/> happens to.</summary>
    double Binomial(double n, double p);

    /// <summary>How many events happen at mean rate <paramref name="mean"/>.</summary>
    double Poisson(double mean);

    /// <summary>A rate from its Beta(alpha, beta) posterior.</summary>
    double Beta(double alpha, double beta);

    /// <summary>A rate from its Gamma(shape, rate) posterior.</summary>
    double Gamma(double shape, double rate);

    /// <summary>A number of people from a planned, possibly fractional number (commissions shared between units).</summary>
    double Whole(double x);
}

/// <summary>The means of every draw: the expected projection.</summary>
public sealed class ExpectedDraws : IDraws
{
    public static ExpectedDraws Instance { get; } = new();

    public double Binomial(double n, double p) => n * p;

    public double Poisson(double mean) => mean;

    public double Beta(double alpha, double beta) => alpha / (alpha + beta);

    public double Gamma(double shape, double rate) => rate > 0 ? shape / rate : 0;

    public double Whole(double x) => x;
}
