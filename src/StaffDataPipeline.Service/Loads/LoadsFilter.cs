namespace StaffDataPipeline.Service.Loads;

/// <summary>The /loads filter: one organisation, one period, or both; empty shows everything.</summary>
internal sealed record LoadsFilter(string? Organisation, string? Period)
{
    public bool IsEmpty => Organisation is null && Period is null;

    public bool Matches(LoadOutcome outcome) =>
        (Organisation is null || string.Equals(outcome.Organisation, Organisation, StringComparison.OrdinalIgnoreCase))
        && (Period is null || string.Equals(outcome.Period, Period, StringComparison.OrdinalIgnoreCase));
}
