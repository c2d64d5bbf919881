namespace StaffDataPipeline.People;

/// <summary>
/// Which kind of identifier a file keys its people on. Only ESR's national Unique NHS Identifier names one person
/// across organisations; an employee or staff number is local to its trust (and the same number can belong to two
/// people in two trusts), so a person can be followed from one organisation to another only between national loads.
/// </summary>
public static class PersonIdentifierKind
{
    public const string National = "national";
    public const string Local = "local";

    /// <summary>The kind of the column a file is keyed on (header-aliases.csv says which headings are national).</summary>
    public static string Of(Headers.EsrField identifier) => identifier == Headers.EsrField.PersonId ? National : Local;
}
