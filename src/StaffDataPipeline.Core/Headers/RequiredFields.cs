namespace StaffDataPipeline.Headers;

/// <summary>What a staff-in-post file must carry to be loaded at all.</summary>
public static class RequiredFields
{
    /// <summary>Returns the missing requirements, each as the fields any one of which would satisfy it.</summary>
    public static IReadOnlyList<EsrField[]> Missing(HeaderMatch match)
    {
        EsrField[][] requirements =
        [
            [EsrField.PersonId, EsrField.EmployeeNumber],
            [EsrField.OrganisationCode],
            [EsrField.Fte, EsrField.ContractedHours],
            [EsrField.PositionTitle, EsrField.OccupationCode, EsrField.JobRole],
        ];
        return requirements.Where(any => !any.Any(match.Has)).ToList();
    }

    /// <summary>"OrganisationCode" as a person would write it: "organisation code".</summary>
    public static string Display(EsrField field) => field switch
    {
        EsrField.PersonId => "national identifier",
        EsrField.EmployeeNumber => "employee number",
        EsrField.Fte => "FTE",
        _ => Words(field),
    };

    private static string Words(EsrField field) =>
        string.Concat(field.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
