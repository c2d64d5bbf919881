namespace StaffDataPipeline.Headers;

/// <summary>The canonical fields of a staff-in-post record, whatever the source calls its columns.</summary>
public enum EsrField
{
    /// <summary>ESR's national Unique NHS Identifier: one person across organisations.</summary>
    PersonId,

    /// <summary>The employing trust's own employee or staff number: local to the trust, an alternative of <see cref="PersonId"/>.</summary>
    EmployeeNumber,
    AssignmentNumber,
    OrganisationCode,
    OrganisationName,
    PositionTitle,
    JobRole,
    OccupationCode,
    AreaOfWork,
    StaffGroup,

    /// <summary>The pay band or grade as ESR names it ("Band 7", "Consultant").</summary>
    Grade,

    /// <summary>ESR's grade code ("XN07"): the same grade in another notation, an alternative of <see cref="Grade"/>.</summary>
    GradeCode,
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
