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

    public static string Of(int? age) => age switch
    {
        null => Unknown,
        < 25 => "Under 25",
        >= 65 => "65 and over",
        _ => $"{age / 5 * 5}-{(age / 5 * 5) + 4}",
    };
}
