using System.Text.RegularExpressions;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Grades;

/// <summary>
/// Turns the many spellings of a grade ("NHS AfC Band 8a", "Band 8A", "8a", "StR", "ST4") into one grade code.
/// AfC bands are recognised by shape; everything else by the aliases in reference-data/grades.csv.
/// </summary>
public sealed partial class GradeCatalogue
{
    private readonly Dictionary<string, Grade> _byCode;
    private readonly Dictionary<string, Grade> _byAlias;

    public GradeCatalogue(IEnumerable<(Grade Grade, IEnumerable<string> Aliases)> grades)
    {
        _byCode = new(StringComparer.OrdinalIgnoreCase);
        _byAlias = new(StringComparer.Ordinal);
        foreach (var (grade, aliases) in grades)
        {
            _byCode[grade.Code] = grade;
            _byAlias.TryAdd(TitleText.Fold(grade.Label), grade);
            foreach (var alias in aliases)
            {
                _byAlias.TryAdd(TitleText.Fold(alias), grade);
            }
        }

        if (!_byCode.ContainsKey(Grade.UnknownCode))
        {
            _byCode[Grade.UnknownCode] = new Grade(Grade.UnknownCode, "Unknown or not stated", "Unknown", null, 9999);
        }
    }

    public IReadOnlyCollection<Grade> All => _byCode.Values;

    public Grade Unknown => _byCode[Grade.UnknownCode];

    public Grade? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Whether grades.csv knows this spelling at all, as a grade or as one of the spellings of "not stated".</summary>
    public bool Knows(string raw) =>
        _byAlias.ContainsKey(TitleText.Fold(raw)) || Parse(raw).Code != Grade.UnknownCode;

    public Grade Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Unknown;
        }

        var folded = TitleText.Fold(raw);
        if (_byAlias.TryGetValue(folded, out var grade))
        {
            return grade;
        }

        var afc = AfcBand().Match(folded);
        if (afc.Success)
        {
            var code = "AFC-" + afc.Groups["band"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            if (_byCode.TryGetValue(code, out grade))
            {
                return grade;
            }
        }

        return Unknown;
    }

    // "nhs afc band 8a", "agenda for change band 7", "band 8 a", "8a", "afc 6", "pay band 5" after folding.
    [GeneratedRegex(@"^(?:nhs\s+)?(?:afc\s+|agenda\s+for\s+change\s+)?(?:pay\s+)?(?:band\s+)?(?<band>[1-9](?:\s?[a-d])?)(?:\s+.*)?$")]
    private static partial Regex AfcBand();
}
