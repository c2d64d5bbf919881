namespace StaffDataPipeline.Headers;

/// <summary>The canonical fields of a staff-in-post record, whatever the source calls its columns.</summary>
public enum EsrField
{
    PersonId,
    AssignmentNumber,
    OrganisationCode,
    OrganisationName,
    PositionTitle,
    JobRole,
    OccupationCode,
    AreaOfWork,
    StaffGroup,
    Grade,
    ContractType,
    AssignmentStatus,
    Fte,
    ContractedHours,
    DateOfBirth,
    AgeInYears,
    SnapshotMonth,
    SnapshotDate,
    PrimaryAssignment,
    CostCentre,
    HireDate,

    /// <summary>A column known to hold personal data that the pipeline never needs (names, NI number…): recognised so it is dropped on purpose.</summary>
    Personal,
}
