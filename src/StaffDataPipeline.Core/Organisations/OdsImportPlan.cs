namespace StaffDataPipeline.Organisations;

/// <summary>
/// What importing a release into a warehouse that holds <c>stored</c> must write: organisations that are new or whose
/// name, parent, region or dates changed. Importing the same release twice writes nothing. Decided here so that every
/// warehouse reports the same counts.
/// </summary>
public sealed record OdsImportPlan(IReadOnlyList<OdsOrganisation> Writes, OdsImportResult Result)
{
    private const int ChangedCodesListed = 20;

    public static OdsImportPlan Of(IReadOnlyDictionary<string, OdsOrganisation> stored, IReadOnlyList<OdsOrganisation> release)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(release);
        var writes = new List<OdsOrganisation>();
        var changed = new List<string>();
        long added = 0, unchanged = 0;
        foreach (var organisation in release.GroupBy(o => o.Code, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (!stored.TryGetValue(organisation.Code, out var before))
            {
                added++;
                writes.Add(organisation);
            }
            else if (before != organisation)
            {
                changed.Add(organisation.Code);
                writes.Add(organisation);
            }
            else
            {
                unchanged++;
            }
        }

        return new OdsImportPlan(writes, new OdsImportResult(added, changed.Count, unchanged, changed.Take(ChangedCodesListed).ToList()));
    }
}
