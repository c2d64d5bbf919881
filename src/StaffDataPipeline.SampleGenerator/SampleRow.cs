namespace StaffDataPipeline.SampleGenerator;

/// <summary>One generated assignment, before a header style decides how it is written.</summary>
public sealed partial record SampleRow(
    string OrgCode,
    string OrgName,
    SyntheticPerson Person,
    int AssignmentSuffix,
    string Title,
    string StaffGroup,
    string OccupationCode,
    string AreaOfWork,
    string JobRole,
    string Grade,
    string Status,
    string Contract,
    string Fte,
    bool Primary,
    DateOnly Snapshot,
    string CostCentre)
{
    /// <summary>Set to plant a row that validation must quarantine.</summary>
    public string? PersonIdOverride { get; init; }

    public string? DateOfBirthOverride { get; init; }

    public string PersonId => PersonIdOverride ?? Person.EmployeeNumber;

    public string AssignmentNumber => $"{Person.EmployeeNumber}-{AssignmentSuffix}";

    /// <summary>The person's national Unique NHS Identifier: a 9-digit number unrelated to the trust's employee number.</summary>
    public string NationalId => PersonIdOverride
        ?? (300_000_000 + (long.Parse(Person.EmployeeNumber, System.Globalization.CultureInfo.InvariantCulture) * 7_919 % 600_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ESR's grade code for an Agenda for Change band ("Band 8a" → "XN08A"); blank for medical grades, as grades.csv lists none.</summary>
    public string GradeCode => EsrGradeCode().Match(Grade) is { Success: true } m ? $"XN0{m.Groups[1].Value}{m.Groups[2].Value.ToUpperInvariant()}" : string.Empty;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(?:(?:nhs )?(?:afc )?band )?([1-9])([a-d]?)$")]
    private static partial System.Text.RegularExpressions.Regex EsrGradeCode();

    public string Hours => decimal.TryParse(Fte, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var f)
        ? (f * 37.5m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
        : "37.50";
}
