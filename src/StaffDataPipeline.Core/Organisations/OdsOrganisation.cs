namespace StaffDataPipeline.Organisations;

/// <summary>
/// An organisation as an NHS ODS release lists it: a trust (3-character code) or one of its sites (5 characters, the
/// first 3 being its trust), with the national grouping (region) and the dates it opened and closed.
/// </summary>
public sealed record OdsOrganisation(string Code, string Name, string? ParentCode, string? NationalGrouping, DateOnly? OpenDate, DateOnly? CloseDate)
{
    public bool IsSite => ParentCode is not null;
}

/// <summary>A merger or change of code: from <see cref="EffectiveDate"/> the old organisation is the new one.</summary>
public sealed record OrganisationSuccessor(string OldCode, string NewCode, DateOnly EffectiveDate);

/// <summary>What importing a release changed.</summary>
public sealed record OdsImportResult(long Added, long Changed, long Unchanged, IReadOnlyList<string> ChangedCodes)
{
    public bool NothingChanged => Added == 0 && Changed == 0;
}
