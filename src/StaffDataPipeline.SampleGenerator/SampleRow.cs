namespace StaffDataPipeline.SampleGenerator;

/// <summary>One generated assignment, before a header style decides how it is written.</summary>
public sealed record SampleRow(
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

    public string Hours => decimal.TryParse(Fte, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var f)
        ? (f * 37.5m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
        : "37.50";
}
