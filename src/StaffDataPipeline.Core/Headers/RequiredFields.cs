namespace StaffDataPipeline.Headers;

/// <summary>What a staff-in-post file must carry to be loaded at all.</summary>
public static class RequiredFields
{
    /// <summary>Returns the missing requirements, each as the fields any one of which would satisfy it.</summary>
    public static IReadOnlyList<EsrField[]> Missing(HeaderMatch match)
    {
        EsrField[][] requirements =
        [
            [EsrField.PersonId],
            [EsrField.OrganisationCode],
            [EsrField.Fte, EsrField.ContractedHours],
            [EsrField.PositionTitle, EsrField.OccupationCode, EsrField.JobRole],
        ];
        return requirements.Where(any => !any.Any(match.Has)).ToList();
    }
}
