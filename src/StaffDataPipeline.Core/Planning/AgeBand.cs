namespace StaffDataPipeline.Planning;

/// <summary>
/// The age bands the planning inputs count people in. Leaver rates are estimated for three bands (<see cref="RateBand"/>:
/// under 55, 55–59, 60+); under 55 is split at 50 in the inputs only so that the projection can age people into 55–59
/// (a fifth of the 50–54s turn 55 each year, which the under-55 total alone cannot tell).
/// </summary>
public enum AgeBand
{
    Under50 = 0,
    From50To54 = 1,
    From55To59 = 2,
    From60 = 3,
}

/// <summary>The bands leaver rates are estimated in, so that an ageing team retires.</summary>
public enum RateBand
{
    Under55 = 0,
    From55To59 = 1,
    From60 = 2,
}

public static class AgeBands
{
    public const int Count = 4;

    public const int RateBandCount = 3;

    /// <summary>The band of an age in whole years at the snapshot.</summary>
    public static AgeBand Of(int age) => age switch
    {
        < 50 => AgeBand.Under50,
        < 55 => AgeBand.From50To54,
        < 60 => AgeBand.From55To59,
        _ => AgeBand.From60,
    };

    public static RateBand RateBandOf(AgeBand band) => band switch
    {
        AgeBand.Under50 or AgeBand.From50To54 => RateBand.Under55,
        AgeBand.From55To59 => RateBand.From55To59,
        _ => RateBand.From60,
    };

    public static string Label(RateBand band) => band switch
    {
        RateBand.Under55 => "under 55",
        RateBand.From55To59 => "55-59",
        _ => "60+",
    };
}
