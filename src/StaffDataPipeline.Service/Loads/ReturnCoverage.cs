using StaffDataPipeline.Organisations;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Loads;

/// <summary>One period of one kind of file, and the organisations known to the reference data that have not sent it yet.</summary>
internal sealed record MissingReturns(string Kind, string Period, IReadOnlyList<Organisation> Organisations, int Received);

/// <summary>
/// Which organisations have no file yet for the periods the loaded files cover: for each kind (survey returns, ESR
/// staff in post) and each of its latest periods that something was loaded for, the organisations known to the
/// reference data (organisations.csv and the ODS import) with no loaded file of that kind and period.
/// </summary>
internal static class ReturnCoverage
{
    public const string SurveyKind = "Survey return";
    public const string EsrKind = "ESR staff in post";

    public static string KindOf(RecentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Extractor.StartsWith("survey", StringComparison.OrdinalIgnoreCase) ? SurveyKind : EsrKind;
    }

    public static IReadOnlyList<MissingReturns> Of(IReadOnlyList<RecentBatch> batches, IReadOnlyCollection<Organisation> known, int periodsPerKind)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(known);
        var loaded = batches.Where(b => b.Status == "loaded" && b.Period is not null && b.OrganisationCode is not null).ToList();
        var result = new List<MissingReturns>();
        foreach (var kind in loaded.GroupBy(KindOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var period in kind.GroupBy(b => b.Period!).OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(periodsPerKind))
            {
                var received = period.Select(b => b.OrganisationCode!).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var missing = known.Where(o => !received.Contains(o.Code)).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
                result.Add(new MissingReturns(kind.Key, period.Key, missing, received.Count));
            }
        }

        return result;
    }
}
