namespace StaffDataPipeline.SampleGenerator;

/// <summary>A made-up member of staff. Every identifying value here must be kept out of the warehouse.</summary>
public sealed record SyntheticPerson(string EmployeeNumber, string Forename, string Surname, DateOnly DateOfBirth, string NiNumber, DateOnly HireDate)
{
    private static readonly string[] Forenames = ["Amelia", "Oliver", "Zoë", "Renée", "Priya", "Mohammed", "Siobhan", "Kwame", "Olga", "Chloé", "Hannah", "Tomasz", "Aisha", "Rhys", "Mei", "Bartholomew"];
    private static readonly string[] Surnames = ["Okonkwo", "Smith", "Nowak", "Brontë", "Patel", "Fitzgerald", "Ahmed", "Llewellyn", "Novák", "O'Brien", "Zhang", "Haworth-Pryce", "Müller", "Jones", "Singh", "Quartermaine"];

    public static SyntheticPerson Create(Random random, int serial) => new(
        (10_000_000 + serial).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Forenames[random.Next(Forenames.Length)],
        Surnames[random.Next(Surnames.Length)],
        new DateOnly(1958, 1, 1).AddDays(random.Next(0, 365 * 42)),
        $"Q{(char)('A' + random.Next(26))}{random.Next(100000, 999999)}{(char)('A' + random.Next(4))}",
        new DateOnly(2000, 1, 1).AddDays(random.Next(0, 365 * 23)));
}
