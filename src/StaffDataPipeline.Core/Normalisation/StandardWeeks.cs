namespace StaffDataPipeline.Normalisation;

/// <summary>
/// The hours of a full-time week by staff group (reference-data/standard-weeks.csv), to turn contracted hours into FTE
/// where a file gives no FTE: 37.5 for Agenda for Change, 40 for medical and dental staff. A staff group not listed,
/// or none, takes the default.
/// </summary>
public sealed class StandardWeeks
{
    /// <summary>Agenda for Change's full-time week, the default when nothing else is known.</summary>
    public const decimal AgendaForChangeHours = 37.5m;

    private readonly Dictionary<string, decimal> _byStaffGroup;

    public StandardWeeks(decimal defaultHours, IEnumerable<KeyValuePair<string, decimal>> byStaffGroup)
    {
        DefaultHours = defaultHours;
        _byStaffGroup = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (group, hours) in byStaffGroup)
        {
            _byStaffGroup[Taxonomy.TitleText.Fold(group)] = hours;
        }
    }

    /// <summary>What a reference data folder from before this file existed gets: the national terms.</summary>
    public static StandardWeeks National { get; } = new(AgendaForChangeHours, [new("Medical and Dental", 40m)]);

    public decimal DefaultHours { get; }

    public decimal HoursFor(string? staffGroup) =>
        staffGroup is not null && _byStaffGroup.TryGetValue(Taxonomy.TitleText.Fold(staffGroup), out var hours) ? hours : DefaultHours;
}
