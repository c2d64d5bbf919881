namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// Expected retirements, the pack's stated method: the people aged 50 and over today are followed for 10 years with
/// no one joining. Each year, first leavers at the role's leaver rate for their band (under 55, 55–59, 60+), then a
/// fifth of the 50–54s and of the 55–59s move up a band (as the plan ages people). Every leaver aged 55 or over
/// counts as a retirement; the result is the expected number within 5 and within 10 years. The under-50s are left
/// out (few of them reach 55 within 10 years, and fewer retire), so it errs low.
/// </summary>
public static class Retirements
{
    public static (double Within5, double Within10) Expected(double heads50To54, double heads55To59, double heads60, double rateUnder55, double rate55To59, double rate60)
    {
        var (h50, h55, h60) = (heads50To54, heads55To59, heads60);
        double retired = 0, within5 = 0;
        for (var year = 1; year <= 10; year++)
        {
            retired += (h55 * rate55To59) + (h60 * rate60);
            var (s50, s55, s60) = (h50 * (1 - rateUnder55), h55 * (1 - rate55To59), h60 * (1 - rate60));
            (h50, h55, h60) = (s50 * 0.8, (s55 * 0.8) + (s50 * 0.2), s60 + (s55 * 0.2));
            if (year == 5)
            {
                within5 = retired;
            }
        }

        return (within5, retired);
    }
}
