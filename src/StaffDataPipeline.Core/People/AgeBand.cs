namespace StaffDataPipeline.People;

/// <summary>Age bands as NHS Digital publishes them; a date of birth never leaves normalisation.</summary>
public static class AgeBand
{
    public const string Unknown = "Unknown";

    public static int AgeAt(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    // The five-year bands between, made once: every stored row carries one, and a string of its own per row was garbage.
    private static readonly string[] FiveYearBands = [.. Enumerable.Range(5, 8).Select(b => $"{b * 5}-{(b * 5) + 4}")];

    public static string Of(int? age) => age switch
    {
        null => Unknown,
        < 25 => "Under 25",
        >= 65 => "65 and over",
        { } years => FiveYearBands[(years / 5) - 5],
    };
}
