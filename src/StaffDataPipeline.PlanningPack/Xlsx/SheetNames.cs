using System.Buffers;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>
/// The sheet names Excel accepts: 1 to 31 characters, none of <c>[]:*?/\</c>, no apostrophe first or last, and no two
/// alike ignoring case. The pack builder chooses them; a name Excel would refuse is stopped here, before a workbook
/// Excel cannot open is written.
/// </summary>
internal static class SheetNames
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("[]:*?/\\");

    public static void Check(IReadOnlyList<PackSheet> sheets)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var name = sheet.Name;
            var problem = name.Length is 0 or > 31 ? $"is {name.Length} characters long (Excel takes 1 to 31)"
                : name.AsSpan().ContainsAny(Forbidden) ? "contains one of [ ] : * ? / \\"
                : name[0] == '\'' || name[^1] == '\'' ? "starts or ends with an apostrophe"
                : !seen.Add(name) ? "is used by another sheet (Excel ignores case)"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"The pack sheet '{name}' (\"{sheet.Heading}\") {problem}, so Excel could not open the workbook: the pack builder must give it a name Excel accepts.", nameof(sheets));
            }
        }
    }
}
