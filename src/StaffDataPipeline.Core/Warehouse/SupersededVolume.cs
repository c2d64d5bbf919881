namespace StaffDataPipeline.Warehouse;

/// <summary>
/// What committing a batch would replace, for one scope (an organisation and month, or one return) and one earlier
/// batch: the rows this batch has in that scope and the rows of that earlier batch it would supersede there. The
/// adapter reports it before commit; Core decides whether the batch is a suspicious shrink.
/// </summary>
/// <param name="Scope">How a person names the scope: "R0A 2023-10", or "R0A 2023/24 GLH" for a return.</param>
/// <param name="Incoming">Rows (facts, or survey lines) this batch has in the scope.</param>
/// <param name="EarlierBatch">The batch whose rows would be superseded.</param>
/// <param name="Earlier">Rows of that batch in the scope.</param>
public sealed record SupersededVolume(string Scope, long Incoming, long EarlierBatch, long Earlier)
{
    /// <summary>"R0A 2023-10" from an organisation code and a date key (yyyymmdd), as both adapters key months.</summary>
    public static string MonthScope(string organisation, long dateKey) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{organisation} {dateKey / 10000:0000}-{dateKey / 100 % 100:00}");

    /// <summary>"R0A 2023/24 GLH": a return is one organisation, period and service area.</summary>
    public static string ReturnScope(string organisation, string period, string serviceArea) => $"{organisation} {period} {serviceArea}";
}
