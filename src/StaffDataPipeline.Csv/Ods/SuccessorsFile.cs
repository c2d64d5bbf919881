using System.Globalization;
using StaffDataPipeline.Csv.Writing;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Csv.Ods;

/// <summary>
/// Adds successors from an ODS publication to the workforce team's organisation-successors.csv: lines already there
/// are kept as they are (the team's edits win), new ones are appended, and the file is rewritten whole through a
/// temporary file, so that the team reviews the change as a diff.
/// </summary>
public static class SuccessorsFile
{
    public static int Merge(string path, IReadOnlyList<OrganisationSuccessor> published, IReadOnlyList<OrganisationSuccessor> existing)
    {
        ArgumentNullException.ThrowIfNull(published);
        var known = existing.Select(s => (s.OldCode, s.NewCode)).ToHashSet();
        var added = published.Where(s => known.Add((s.OldCode, s.NewCode))).ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        var text = File.Exists(path) ? File.ReadAllText(path) : "old_code,new_code,effective_date\n";
        AtomicFile.Write(path, writer =>
        {
            writer.Write(text.EndsWith('\n') ? text : text + "\n");
            foreach (var s in added)
            {
                writer.Write($"{s.OldCode},{s.NewCode},{s.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n");
            }

            return added.Count;
        });
        return added.Count;
    }
}
