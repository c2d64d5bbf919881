namespace StaffDataPipeline.Planning;

/// <summary>The 10th, 50th and 90th percentiles of a figure over the Monte Carlo runs (all three equal in an expected projection).</summary>
public readonly record struct Band(double P10, double P50, double P90)
{
    /// <summary>Percentiles of the values (NaN left out), by linear interpolation between order statistics; null if none.</summary>
    public static Band? Of(Span<float> values)
    {
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsNaN(values[i]))
            {
                values[n++] = values[i];
            }
        }

        if (n == 0)
        {
            return null;
        }

        var sorted = values[..n];
        sorted.Sort();
        return new Band(At(sorted, 0.1), At(sorted, 0.5), At(sorted, 0.9));
    }

    private static double At(Span<float> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
